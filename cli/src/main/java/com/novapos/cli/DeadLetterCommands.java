package com.novapos.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code novapos dlq list|show|retry|discard}: dead letters, for support. */
@Command(name = "dlq", description = "Dead letters: list, show, re-drive, discard.", mixinStandardHelpOptions = true,
        subcommands = {DeadLetterCommands.List.class, DeadLetterCommands.Show.class, DeadLetterCommands.Retry.class,
                DeadLetterCommands.Discard.class})
final class DeadLetterCommands {

    /** Where the hub is and who is asking. */
    static final class Connection {
        @Option(names = "--hub", defaultValue = "${env:NOVAPOS_HUB_URL:-http://localhost:8080}", description = "hub URL (env NOVAPOS_HUB_URL)")
        String hub;
        @Option(names = "--user", defaultValue = "${env:NOVAPOS_USER}", description = "hub user (env NOVAPOS_USER)")
        String user;
        @Option(names = "--password", defaultValue = "${env:NOVAPOS_PASSWORD}", description = "password (env NOVAPOS_PASSWORD)")
        String password;
        @Option(names = "--json", description = "print the hub's JSON instead of a table")
        boolean json;

        HubApi api() {
            if (user == null || password == null) {
                throw new HubApi.CommandFailed("set --user/--password or NOVAPOS_USER/NOVAPOS_PASSWORD");
            }
            return new HubApi(hub, user, password);
        }
    }

    /** The filters shared by list and bulk retry. */
    static final class Filter {
        @Option(names = "--connector", description = "e.g. quickbooks, ingest")
        String connector;
        @Option(names = "--status", description = "NEW, RETRIED, RESOLVED, DISCARDED")
        String status;
        @Option(names = "--since", description = "ISO instant, e.g. 2026-11-27T00:00:00Z")
        String since;
        @Option(names = "--q", description = "text in the message id, error, partner answer or message")
        String q;

        Map<String, String> asMap() {
            Map<String, String> map = new LinkedHashMap<>();
            put(map, "connector", connector);
            put(map, "status", status == null ? null : status.toUpperCase());
            put(map, "since", since);
            put(map, "q", q);
            return map;
        }

        private static void put(Map<String, String> map, String key, String value) {
            if (value != null && !value.isBlank()) {
                map.put(key, value);
            }
        }
    }

    abstract static class Base implements Callable<Integer> {
        @Mixin
        Connection connection;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try {
                JsonNode result = execute(connection.api());
                PrintWriter out = spec.commandLine().getOut();
                out.println(connection.json ? new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(result)
                        : render(result));
                out.flush();
                return 0;
            } catch (HubApi.CommandFailed e) {
                spec.commandLine().getErr().println("novapos: " + e.getMessage());
                spec.commandLine().getErr().flush();
                return 1;
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        abstract JsonNode execute(HubApi api);

        abstract String render(JsonNode result);
    }

    @Command(name = "list", description = "List dead letters, newest failure first.")
    static final class List extends Base {
        @Mixin
        Filter filter;
        @Option(names = "--page", defaultValue = "0")
        int page;
        @Option(names = "--size", defaultValue = "50")
        int size;

        @Override
        JsonNode execute(HubApi api) {
            StringBuilder query = new StringBuilder("/api/v1/dead-letters?page=" + page + "&size=" + size);
            filter.asMap().forEach((k, v) -> query.append('&').append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
            return api.get(query.toString());
        }

        @Override
        String render(JsonNode result) {
            Table table = new Table("ID", "CONNECTOR", "STATUS", "ATTEMPTS", "LAST FAILURE", "MESSAGE", "ERROR");
            for (JsonNode d : result.path("items")) {
                table.row(d.path("id").asText(), d.path("connector").asText(), d.path("status").asText(),
                        d.path("attempts").asText(), d.path("lastFailedAt").asText(), d.path("messageId").asText(),
                        Table.clip(d.path("error").asText(), 60));
            }
            return table + String.format("%d of %d (page %d)", result.path("items").size(), result.path("total").asLong(),
                    result.path("page").asInt());
        }
    }

    @Command(name = "show", description = "Show one dead letter with its message, partner answer and history.")
    static final class Show extends Base {
        @Parameters(paramLabel = "ID")
        String id;

        @Override
        JsonNode execute(HubApi api) {
            return api.get("/api/v1/dead-letters/" + URLEncoder.encode(id, StandardCharsets.UTF_8));
        }

        @Override
        String render(JsonNode d) {
            StringBuilder out = new StringBuilder();
            for (String field : new String[] {"id", "tenantId", "messageId", "messageType", "connector", "routeId", "status",
                    "statusReason", "statusChangedBy", "attempts", "firstFailedAt", "lastFailedAt", "exceptionClass",
                    "exceptionMessage", "partnerStatus", "partnerCorrelationId", "partnerBody", "history", "body"}) {
                if (d.hasNonNull(field)) {
                    out.append(String.format("%-22s %s%n", field + ":", d.get(field).asText()));
                }
            }
            return out.toString().stripTrailing();
        }
    }

    @Command(name = "retry", description = "Re-drive one dead letter (by id) or every NEW one matching the filters.")
    static final class Retry extends Base {
        @Parameters(paramLabel = "ID", arity = "0..1")
        String id;
        @Mixin
        Filter filter;

        @Override
        JsonNode execute(HubApi api) {
            if (id != null) {
                return api.post("/api/v1/dead-letters/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "/retry", Map.of());
            }
            if (filter.asMap().isEmpty()) {
                throw new HubApi.CommandFailed("give an ID, or at least one filter for a bulk re-drive");
            }
            return api.post("/api/v1/dead-letters/retry", filter.asMap());
        }

        @Override
        String render(JsonNode result) {
            if (result.has("retried") && result.get("retried").isBoolean()) {
                return result.get("retried").asBoolean() ? "re-driven " + result.path("id").asText()
                        : "not re-driven: " + result.path("id").asText() + " is not NEW";
            }
            return "re-driven " + result.path("retried").asInt() + " dead letter(s)";
        }
    }

    @Command(name = "discard", description = "Give up on a dead letter, saying why.")
    static final class Discard extends Base {
        @Parameters(paramLabel = "ID")
        String id;
        @Option(names = "--reason", required = true)
        String reason;

        @Override
        JsonNode execute(HubApi api) {
            return api.post("/api/v1/dead-letters/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "/discard",
                    Map.of("reason", reason));
        }

        @Override
        String render(JsonNode d) {
            return "discarded " + d.path("id").asText() + " (" + d.path("statusReason").asText() + ")";
        }
    }
}
