package io.tributary.requirements.requirement;

import java.util.Optional;

/**
 * A requirement as it stands: its newest version, and the version in force (confirmed, or needing reconfirmation),
 * which is the newest one or an older one while the newest awaits confirmation.
 */
public record Requirement(long id, RequirementVersion current, Optional<RequirementVersion> inForce) {

    /** The version evaluated live and written into contracts: the one in force, else the newest. */
    public RequirementVersion effective() {
        return inForce.orElse(current);
    }
}
