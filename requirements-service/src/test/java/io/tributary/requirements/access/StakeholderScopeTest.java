package io.tributary.requirements.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.tributary.catalog.security.Roles;

class StakeholderScopeTest {

    @Test
    void everyRoleThatReadsTheDataSeesEveryRequirement() {
        for (String role : List.of(Roles.ADMIN, Roles.STEWARD, Roles.ENGINEER, Roles.ANALYST)) {
            assertEquals(StakeholderScope.ALL, StakeholderScope.of(Set.of(role, Roles.STAKEHOLDER), 7L), role);
            assertTrue(StakeholderScope.of(Set.of(role), null).includes(List.of()), role);
        }
    }

    @Test
    void aStakeholderSeesOnlyTheRequirementsNamingThem() {
        StakeholderScope dana = StakeholderScope.of(Set.of(Roles.STAKEHOLDER), 7L);
        assertTrue(dana.includes(List.of(3L, 7L)));
        assertFalse(dana.includes(List.of(3L)));
        assertFalse(dana.includes(List.of()));
    }

    @Test
    void aStakeholderWithoutAStakeholderClaimSeesNothing() {
        StakeholderScope nobody = StakeholderScope.of(Set.of(Roles.STAKEHOLDER), null);
        assertFalse(nobody.includes(List.of(1L, 7L)));
        assertFalse(StakeholderScope.of(Set.of(Roles.PRODUCER), 7L).includes(List.of(7L)));
    }
}
