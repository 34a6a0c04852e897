#!/usr/bin/env bash
# Run once by docker compose (service kafka-access) after the broker is up, and again at every `up`: gives each
# service its SCRAM credential, creates the event topics and grants the rules of kafka-acls.txt. Everything here is
# idempotent. The passwords come from the environment (CHIBO_KAFKA_*_PASSWORD; the compose file's defaults are
# local-demo values, to be replaced wherever the stack is more than a demonstration).
set -euo pipefail
bin=/opt/kafka/bin
bootstrap=${KAFKA_BOOTSTRAP:-kafka:9092}
rules=${KAFKA_ACL_RULES:-/etc/chibo/kafka-acls.txt}
admin=$(mktemp)
trap 'rm -f "$admin"' EXIT
cat > "$admin" <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=PLAIN
sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="${CHIBO_KAFKA_ADMIN_PASSWORD}";
PROPERTIES

for service in membership-service meeting-service reporting-service; do
  variable="CHIBO_KAFKA_$(echo "${service%-service}" | tr '[:lower:]' '[:upper:]')_PASSWORD"
  "$bin/kafka-configs.sh" --bootstrap-server "$bootstrap" --command-config "$admin" --alter \
    --entity-type users --entity-name "$service" \
    --add-config "SCRAM-SHA-512=[iterations=8192,password=${!variable}]"
done

for topic in party.organization.events party.membership.events party.meeting.events; do
  "$bin/kafka-topics.sh" --bootstrap-server "$bootstrap" --command-config "$admin" --create --if-not-exists \
    --topic "$topic" --partitions "${CHIBO_TOPICS_PARTITIONS:-6}" --replication-factor 1 --config retention.ms=-1
done

while read -r principal type name pattern operations; do
  case "$principal" in ''|'#'*) continue ;; esac
  case "$type" in
    topic) resource=(--topic "$name") ;;
    group) resource=(--group "$name") ;;
    cluster) resource=(--cluster) ;;
    transactional-id) resource=(--transactional-id "$name") ;;
    *) echo "unknown resource type $type" >&2; exit 1 ;;
  esac
  ops=()
  for operation in $operations; do ops+=(--operation "$operation"); done
  "$bin/kafka-acls.sh" --bootstrap-server "$bootstrap" --command-config "$admin" --add --force \
    --allow-principal "User:$principal" "${ops[@]}" "${resource[@]}" --resource-pattern-type "$pattern" > /dev/null
done < "$rules"
echo "chibo: Kafka credentials, topics and access rules in place"
