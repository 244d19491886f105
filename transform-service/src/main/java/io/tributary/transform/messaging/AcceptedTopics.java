package io.tributary.transform.messaging;

import java.util.Set;
import java.util.TreeSet;

import io.tributary.catalog.event.Channels;

/**
 * Which topics of accepted records the live consumer subscribes to (decision 0054): the topic of each dataset some
 * declared pipeline reads, once it exists, and the single topic of every dataset's records from before, as long as it
 * holds records not applied yet. A topic that does not exist yet is left out, rather than waited for: its dataset's
 * first record creates it, and the next look finds it.
 */
public final class AcceptedTopics {

    private AcceptedTopics() {
    }

    /**
     * @param read the datasets the declared pipelines read
     * @param existing the topics that exist
     * @param oldTopicLeft whether the single old topic holds records not applied yet
     * @return the topics, sorted by name
     */
    public static Set<String> chosen(Set<String> read, Set<String> existing, boolean oldTopicLeft) {
        Set<String> topics = new TreeSet<>();
        for (String dataset : read) {
            String topic = Channels.acceptedRecordsOf(dataset);
            if (existing.contains(topic)) {
                topics.add(topic);
            }
        }
        if (oldTopicLeft && existing.contains(Channels.ACCEPTED_RECORDS)) {
            topics.add(Channels.ACCEPTED_RECORDS);
        }
        return topics;
    }
}
