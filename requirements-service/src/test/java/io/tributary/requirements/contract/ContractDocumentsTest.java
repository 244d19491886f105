package io.tributary.requirements.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tributary.requirements.stakeholder.Direction;
import io.tributary.requirements.stakeholder.Stakeholder;
import io.tributary.requirements.stakeholder.StakeholderContent;

class ContractDocumentsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Stakeholder DANA = new Stakeholder(1, new StakeholderContent("Dana Reyes", "marketing",
            "Marketing", Direction.DOWNSTREAM, "dana@shop.test", null, List.of()), List.of(), Instant.EPOCH,
            Instant.EPOCH);

    @Test
    void replacesTheClauseOfAnEarlierVersionAndKeepsTheOthers() throws Exception {
        JsonNode document = JSON.readTree("{\"version\":\"1.0.9\",\"slaProperties\":[{\"property\":\"retention\","
                + "\"value\":1,\"unit\":\"y\"},{\"id\":\"req-4\",\"property\":\"latency\",\"value\":60}]}");
        ObjectNode clause = JSON.createObjectNode().put("id", "req-4").put("property", "latency").put("value", 30);
        JsonNode updated = ContractDocuments.withClause(document, clause, List.of(DANA));
        assertEquals("[{\"property\":\"retention\",\"value\":1,\"unit\":\"y\"},{\"id\":\"req-4\",\"property\":"
                + "\"latency\",\"value\":30}]", updated.get("slaProperties").toString());
        assertEquals("1.0.10", updated.get("version").asText());
        assertEquals("{\"name\":\"Stakeholders\",\"members\":[{\"username\":\"dana@shop.test\",\"name\":\"Dana Reyes\","
                + "\"role\":\"marketing (downstream stakeholder)\"}]}", updated.get("team").toString());
    }

    @Test
    void addsAStakeholderToTheTeamOnceAndKeepsTheOlderArrayForm() throws Exception {
        JsonNode document = JSON.readTree("{\"version\":\"v7\",\"team\":[{\"username\":\"dana@shop.test\"}]}");
        ObjectNode clause = JSON.createObjectNode().put("id", "req-1").put("property", "latency").put("value", 1);
        JsonNode updated = ContractDocuments.withClause(document, clause, List.of(DANA));
        assertEquals("[{\"username\":\"dana@shop.test\"}]", updated.get("team").toString());
        assertEquals("v7", updated.get("version").asText(), "a version that is not semantic is left as it is");
    }
}
