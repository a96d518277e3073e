/**
 * EMQX's v4 management API shapes, served under both {@code /api/v4} and {@code /api/v3}: every answer is HTTP 200
 * with {@code {"code": 0, "data": …, "meta": …}} or {@code {"code": <v4 code>, "message": …}} (emqx_management 4.4
 * with minirest 0.3); only a failed Basic auth, an unknown path or a body that is not JSON leave HTTP 200, as minirest
 * answers them in plain text.
 */
package io.tenantmq.gateway.emqx.v4;
