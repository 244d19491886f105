package io.tributary.local;

/** A child process for the supervisor's tests: it runs until it is stopped or killed. */
public final class SleepingChild {

    private SleepingChild() {
    }

    public static void main(String[] args) throws InterruptedException {
        Thread.sleep(Long.MAX_VALUE);
    }
}
