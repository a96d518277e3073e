# TenantMQ node image: the all-in-one jar on a JRE.
#   docker build -t tenantmq .
#   docker run -p 1883:1883 -p 8083:8083 -p 8080:8080 -v tenantmq-data:/data tenantmq
# Flags after the image name replace the default arguments (keep --data-dir /data), e.g.
#   docker run tenantmq --data-dir /data --jdbc-url 'jdbc:postgresql://db:5432/tenantmq?user=…&password=…'
# Kubernetes: deploy/k8s/ (README, "Running on Kubernetes").

# --- build: the reactor's jar (tests are the CI's job, not the image's) ---
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 mvn -B -q -pl deploy -am package -DskipTests

# --- run ---
FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 1883 tenantmq \
 && useradd --system --uid 1883 --gid tenantmq --home-dir /data --shell /usr/sbin/nologin tenantmq \
 && mkdir -p /opt/tenantmq /data && chown tenantmq:tenantmq /data
COPY --from=build /src/deploy/target/tenantmq.jar /opt/tenantmq/tenantmq.jar
USER tenantmq
WORKDIR /data
# ports.json, demo-credentials.json, secret.key and (without --jdbc-url) the H2 database live here
VOLUME ["/data"]
# MQTT, MQTT over WebSocket (/mqtt), HTTP (APIs, /healthz, /metrics), Hazelcast member port
EXPOSE 1883 8083 8080 5701
# the heap follows the container's memory limit
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
# bash's /dev/tcp, so the check needs no curl or wget in the image; 200 once MQTT and HTTP serve
HEALTHCHECK --interval=10s --timeout=3s --start-period=120s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /healthz HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["java", "-jar", "/opt/tenantmq/tenantmq.jar"]
CMD ["--data-dir", "/data"]
