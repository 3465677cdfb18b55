package org.hardchain.protocol;

/**
 * The largest acceptance probability over every Merlin message zero on the systematic
 * points (all others are rejected outright), and one message that attains it.
 *
 * @param bestMessageId the smallest id attaining the maximum
 * @param best          its exact acceptance probability
 * @param messages      the number of messages enumerated, p^{(k-1)(w-1)}
 */
public record MaxAcceptance(long bestMessageId, Acceptance best, long messages) {
}
