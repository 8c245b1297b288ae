// Starts an embedded Neo4j Community DBMS with the Bolt connector on loopback.
//
//   java <jvm flags> -cp 'lib/*' Launcher.java --home DIR --port 7687 \
//        [--pagecache 256m] [--tx-timeout 60s] [--tx-memory 512m] [--auth] [--set KEY=VALUE ...]
//
// Each --set writes one more neo4j.conf setting over the defaults below (benchmarks use it to
// measure a setting's before and after on the same database).
// With --auth the password for user "neo4j" is read from the environment variable
// REGKG_NEO4J_PASSWORD and set on every start (so it can be rotated). Without it, auth is
// off; the listener is bound to 127.0.0.1 either way. LOAD CSV may read only <home>/import.
// The process shuts the DBMS down cleanly on SIGTERM / Ctrl-C (JVM shutdown hook) and prints
// "REGKG-NEO4J-READY <version>" once the default database is available.

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;

public class Launcher {

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = parse(args);
        Path home = Path.of(opts.getOrDefault("home", "data/neo4j")).toAbsolutePath();
        String port = opts.getOrDefault("port", "7687");
        boolean auth = opts.containsKey("auth");
        Path importDir = home.resolve("import");
        Files.createDirectories(importDir);

        Map<String, String> conf = new HashMap<>();
        conf.put("server.bolt.enabled", "true");
        conf.put("server.bolt.listen_address", "127.0.0.1:" + port);
        conf.put("server.bolt.advertised_address", "127.0.0.1:" + port);
        conf.put("server.http.enabled", "false");
        conf.put("server.https.enabled", "false");
        conf.put("dbms.security.auth_enabled", Boolean.toString(auth));
        conf.put("server.directories.import", importDir.toString());
        conf.put("dbms.security.allow_csv_import_from_file_urls", "true");
        conf.put("dbms.usage_report.enabled", "false");
        conf.put("server.memory.pagecache.size", opts.getOrDefault("pagecache", "256m"));
        conf.put("db.transaction.timeout", opts.getOrDefault("tx-timeout", "120s"));
        conf.put("db.memory.transaction.max", opts.getOrDefault("tx-memory", "1g"));
        conf.put("db.tx_log.preallocate", "false");
        conf.put("db.tx_log.rotation.retention_policy", "2 files");
        // No keep-alive NOOPs during requests, so no connection.recv_timeout_seconds hint: with
        // the hint the Python driver wraps every socket read in a task and a timer (asyncio
        // wait_for), ~14 per small answer and ~40 per 147 KB one. A local server on 127.0.0.1
        // has no idle-killing proxy between it and the API for the NOOPs to keep out.
        conf.put("server.bolt.connection_keep_alive_for_requests", "OFF");
        for (String line : opts.getOrDefault("set", "").split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                conf.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            } else if (!line.isEmpty()) {
                throw new IllegalArgumentException("--set needs KEY=VALUE, got: " + line);
            }
        }

        // 5.26's builder has no setConfigRaw: write the settings as a neo4j.conf and load it,
        // which keeps neo4j.conf-style keys (version-robust) and documents what ran.
        Path confFile = home.resolve("conf").resolve("neo4j.conf");
        Files.createDirectories(confFile.getParent());
        StringBuilder text = new StringBuilder("# written by Launcher.java on every start\n");
        conf.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> text.append(e.getKey()).append('=').append(e.getValue()).append('\n'));
        Files.writeString(confFile, text.toString());
        DatabaseManagementService dbms =
                new DatabaseManagementServiceBuilder(home).loadPropertiesFromFile(confFile).build();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("REGKG-NEO4J-STOPPING");
            System.out.flush();
            try {
                dbms.shutdown();
            } finally {
                stopped.countDown();
            }
        }, "regkg-neo4j-shutdown"));

        GraphDatabaseService db = dbms.database("neo4j");
        if (!db.isAvailable(TimeUnit.MINUTES.toMillis(5))) {
            System.err.println("REGKG-NEO4J-FAILED database neo4j did not become available");
            System.exit(3);
        }
        if (auth) {
            String password = System.getenv("REGKG_NEO4J_PASSWORD");
            if (password == null || password.length() < 8) {
                System.err.println("REGKG-NEO4J-FAILED --auth needs REGKG_NEO4J_PASSWORD (8+ characters)");
                System.exit(4);
            }
            dbms.database("system").executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $p CHANGE NOT REQUIRED", Map.of("p", password));
        }
        String version = db.executeTransactionally(
                "CALL dbms.components() YIELD versions RETURN versions[0] AS v",
                Map.of(), r -> r.hasNext() ? String.valueOf(r.next().get("v")) : "unknown");
        System.out.println("REGKG-NEO4J-READY " + version + " bolt://127.0.0.1:" + port);
        System.out.flush();
        stopped.await();
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + a);
            }
            String key = a.substring(2);
            if (key.equals("auth")) {
                out.put(key, "true");
            } else if (key.equals("set") && i + 1 < args.length) {
                out.merge(key, args[++i], (a1, a2) -> a1 + "\n" + a2);
            } else if (i + 1 < args.length) {
                out.put(key, args[++i]);
            } else {
                throw new IllegalArgumentException("missing value for " + a);
            }
        }
        return out;
    }
}
