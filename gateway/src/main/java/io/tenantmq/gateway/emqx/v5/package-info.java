/**
 * EMQX's REST API v5 ({@code /api/v5}): statuses carry the outcome, errors are {@code {"code", "message"}}, lists are
 * {@code {"data": [...], "meta": {page, limit, count, hasnext}}}. One class per resource.
 */
package io.tenantmq.gateway.emqx.v5;
