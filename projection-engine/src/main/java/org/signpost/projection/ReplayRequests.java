package org.signpost.projection;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * The rebuilds asked for and under way in this process. Requests that arrive while others are
 * gathering join them, so that one scan serves them all. A rebuild may come with a condition,
 * checked once the replay lock is taken: it is left out if the condition no longer holds.
 */
final class ReplayRequests {

    /**
     * The condition of a rebuild asked for by a resume or a build: whether it is still needed,
     * and whether its processor is paused meanwhile.
     */
    record Condition(BooleanSupplier stillNeeded, boolean pausesProcessor) {
    }

    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final Map<String, Condition> conditions = new ConcurrentHashMap<>();

    /** This rebuild is asked for with no condition (any it had goes). */
    void unconditional(String name) {
        conditions.remove(name);
    }

    /** This rebuild is asked for on a condition. */
    void onCondition(String name, Condition condition) {
        conditions.put(name, condition);
    }

    /**
     * Adds these rebuilds to the gathering; answers whether they start a new one (else they join
     * the one waiting).
     */
    synchronized boolean gather(Collection<String> names) {
        boolean gathering = !pending.isEmpty();
        pending.addAll(names);
        return !gathering;
    }

    /** Whether a rebuild of this projection is asked for or under way. */
    boolean replaying(String name) {
        return pending.contains(name) || running.contains(name);
    }

    /** The rebuilds gathered so far: they are under way from now on. */
    synchronized Set<String> start() {
        Set<String> names = new LinkedHashSet<>(pending);
        running.addAll(names);
        pending.clear();
        return names;
    }

    /** Whether a conditional rebuild is no longer needed (its condition goes if so). */
    boolean noLongerNeeded(String name) {
        Condition condition = conditions.get(name);
        if (condition == null || condition.stillNeeded().getAsBoolean()) {
            return false;
        }
        conditions.remove(name);
        return true;
    }

    /** Whether this rebuild pauses its processor meanwhile; its condition has served. */
    boolean pausesProcessor(String name) {
        Condition condition = conditions.remove(name);
        return condition != null && condition.pausesProcessor();
    }

    /** These rebuilds are over, done or not. */
    void finished(Collection<String> names) {
        running.removeAll(names);
    }
}
