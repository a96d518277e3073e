/**
 * The online/offline event stream of each instance ({@code connect}, {@code disconnect}, {@code tcpclean}, keyed by
 * {@code channelId}), which back ends read to decide whether a device is online. One Hazelcast {@code Ringbuffer} per
 * instance, so an instance's events never mix with another's and each has its own offsets.
 */
package io.tenantmq.control.event;
