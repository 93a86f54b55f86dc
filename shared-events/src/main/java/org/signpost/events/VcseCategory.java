package org.signpost.events;

/** Kind of voluntary, community or social enterprise activity a participant is signposted to. */
public enum VcseCategory {
    PHYSICAL_ACTIVITY, EMOTIONAL_HEALTH, LIFESTYLE, SOCIAL, EDUCATION_TRAINING, OTHER
}
