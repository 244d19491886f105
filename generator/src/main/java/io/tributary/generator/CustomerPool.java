package io.tributary.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

final class CustomerPool {

    private static final long POOL_SEED = 0xC0570_3E5L;
    private static final int SIZE = 800;

    private static final List<String> FIRST_NAMES = List.of("James", "Mary", "Robert", "Patricia", "John",
            "Jennifer", "Michael", "Linda", "David", "Elizabeth", "William", "Barbara", "Richard", "Susan",
            "Joseph", "Jessica", "Thomas", "Sarah", "Carlos", "Karen", "Daniel", "Lisa", "Matthew", "Nancy",
            "Anthony", "Betty", "Mark", "Sandra", "Paul", "Ashley", "Steven", "Emily", "Andrew", "Donna",
            "Joshua", "Michelle", "Kenneth", "Carol", "Kevin", "Amanda", "Brian", "Melissa", "Priya", "Deborah",
            "Wei", "Stephanie", "Luis", "Rebecca", "Ahmed", "Laura", "Hiroshi", "Sharon", "Omar", "Cynthia",
            "Ivan", "Kathleen", "Noah", "Amy", "Diego", "Angela");

    private static final List<String> LAST_NAMES = List.of("Smith", "Johnson", "Williams", "Brown", "Jones",
            "Garcia", "Miller", "Davis", "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson",
            "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson", "White",
            "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen", "King",
            "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores", "Green", "Adams", "Nelson", "Baker", "Hall",
            "Rivera", "Campbell", "Mitchell", "Carter", "Roberts", "O'Brien", "O'Connell", "Van Dyke",
            "De La Cruz", "Smith-Jones", "McAllister", "Kowalski", "Patel", "Tanaka", "Okafor");

    private static final Weighted<String> SEGMENTS = new Weighted<String>()
            .add("Consumer", 52)
            .add("Corporate", 30)
            .add("Home Office", 18);

    private static final CustomerPool INSTANCE = new CustomerPool();

    private final List<Customer> customers = new ArrayList<>(SIZE);

    private CustomerPool() {
        SplittableRandom rng = new SplittableRandom(POOL_SEED);
        int number = 10_000;
        for (int i = 0; i < SIZE; i++) {
            String first = FIRST_NAMES.get(rng.nextInt(FIRST_NAMES.size()));
            String last = LAST_NAMES.get(rng.nextInt(LAST_NAMES.size()));
            number += 5 + rng.nextInt(100);
            String id = "" + first.charAt(0) + last.charAt(0) + "-" + number;
            customers.add(new Customer(id, first + " " + last, SEGMENTS.pick(rng)));
        }
    }

    static CustomerPool instance() {
        return INSTANCE;
    }

    Customer pick(SplittableRandom rng) {
        return customers.get(rng.nextInt(customers.size()));
    }
}
