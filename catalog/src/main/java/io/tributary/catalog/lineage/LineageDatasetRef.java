package io.tributary.catalog.lineage;

import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** A dataset a stored run event names, as input or output: a row of {@code catalog.lineage_dataset}. */
@Embeddable
public class LineageDatasetRef {

    public enum Role {
        INPUT,
        OUTPUT
    }

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Role role;

    @Column(nullable = false)
    public String namespace;

    @Column(nullable = false)
    public String name;

    public LineageDatasetRef() {
    }

    public LineageDatasetRef(Role role, String namespace, String name) {
        this.role = role;
        this.namespace = namespace;
        this.name = name;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LineageDatasetRef other && role == other.role && Objects.equals(namespace, other.namespace)
                && Objects.equals(name, other.name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(role, namespace, name);
    }
}
