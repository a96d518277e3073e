/** Topics declared through the management APIs. */
package io.tenantmq.control.topic;
