package dev.newsgraph.neo4j;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.internal.helpers.HostnamePort;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Starts Neo4j Community embedded, with Bolt on loopback only and auth on, for newsgraph.
 *
 * Configuration comes from the environment (the Node side resolves defaults and passes them):
 * NEWSGRAPH_NEO4J_HOME (required), NEO4J_BOLT_PORT (0 = any free port), NEO4J_PASSWORD,
 * NEO4J_PAGECACHE (e.g. 256m), NEO4J_TRANSACTION_MEMORY (db.memory.transaction.max; default a quarter
 * of the heap), NEWSGRAPH_NEO4J_WATCH_STDIN=1 to exit when stdin closes.
 *
 * Protocol on stdout: one line "NEWSGRAPH_NEO4J_READY {json}" once Bolt accepts connections,
 * or "NEWSGRAPH_NEO4J_ERROR {json}" and a non-zero exit. Everything else goes to stderr.
 */
public final class EmbeddedNeo4j {
    private static final String USER = "neo4j";
    private static final PrintStream OUT = System.out;

    // Exit codes the Node side maps to messages.
    static final int EXIT_CONFIG = 2;
    static final int EXIT_LOCKED = 3;
    static final int EXIT_PORT_IN_USE = 4;
    static final int EXIT_START_FAILED = 5;

    public static void main(String[] args) {
        try {
            run();
        } catch (LauncherException e) {
            fail(e.code, e.kind, e.getMessage(), e.extra);
        } catch (Throwable t) {
            fail(EXIT_START_FAILED, "START_FAILED", "Neo4j failed to start: " + rootMessage(t), Map.of());
        }
    }

    private static void run() throws Exception {
        Path home = Path.of(requireEnv("NEWSGRAPH_NEO4J_HOME")).toAbsolutePath().normalize();
        int port = parsePort(env("NEO4J_BOLT_PORT").orElse("7687"));
        long pageCache = parseBytes(env("NEO4J_PAGECACHE").orElse("128m"), "NEO4J_PAGECACHE");
        // What one query may hold (collect, ORDER BY, DISTINCT…) before Neo4j stops it with a memory error
        // instead of filling the heap: a quarter of the heap, all transactions together half of it.
        long heap = Runtime.getRuntime().maxMemory();
        Optional<String> txMemorySetting = env("NEO4J_TRANSACTION_MEMORY");
        long txMemory = txMemorySetting.isPresent() ? parseBytes(txMemorySetting.get(), "NEO4J_TRANSACTION_MEMORY") : heap / 4;
        Files.createDirectories(home);

        FileLock lock = lockHome(home);
        // After the lock: the files of another instance running on this home are not ours to touch.
        restrictToOwner(home);
        String password = resolvePassword(home);
        if (port != 0) ensurePortFree(port);

        Path logs = home.resolve("logs");
        DatabaseManagementService dbms;
        try {
            dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.pagecache_memory, pageCache)
                .setConfig(GraphDatabaseSettings.memory_transaction_max_size, txMemory)
                .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, Math.max(txMemory, heap / 2))
                .setConfig(GraphDatabaseSettings.logs_directory, logs)
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "2 files")
                .build();
        } catch (Throwable t) {
            throw new LauncherException(EXIT_START_FAILED, "START_FAILED",
                "Neo4j failed to start: " + rootMessage(t) + " (log: " + logs.resolve("debug.log") + ")",
                Map.of("log", logs.resolve("debug.log").toString()));
        }

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                dbms.shutdown();
                lock.release();
            } catch (Throwable ignored) {
                // Nothing useful to do while the JVM is exiting.
            } finally {
                stopped.countDown();
            }
        }, "newsgraph-neo4j-shutdown"));

        GraphDatabaseService system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        setPassword(system, password, home);

        GraphDatabaseService neo4j = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        HostnamePort bolt = ((GraphDatabaseAPI) neo4j).getDependencyResolver()
            .resolveDependency(ConnectorPortRegister.class).getLocalAddress(ConnectorType.BOLT);
        String version = org.neo4j.kernel.internal.Version.getNeo4jVersion();

        watchParent();
        OUT.println("NEWSGRAPH_NEO4J_READY " + json(Map.of(
            "uri", "bolt://127.0.0.1:" + bolt.getPort(),
            "port", bolt.getPort(),
            "user", USER,
            "version", version,
            "edition", "community",
            "home", home.toString(),
            "passwordFile", home.resolve("password").toString(),
            "log", logs.resolve("debug.log").toString(),
            "pid", ProcessHandle.current().pid())));
        OUT.flush();
        stopped.await();
    }

    /**
     * The store, its logs and the password are the user's alone. New files are 0600 by the umask the Node
     * side starts us with; this closes up a home written before that (or by a start with a looser umask).
     */
    private static void restrictToOwner(Path home) throws IOException {
        if (!home.getFileSystem().supportedFileAttributeViews().contains("posix")) return;
        try (Stream<Path> paths = Files.walk(home)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                if (Files.isSymbolicLink(p)) continue;
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
                Set<PosixFilePermission> owner = EnumSet.noneOf(PosixFilePermission.class);
                for (PosixFilePermission perm : perms) {
                    if (perm.name().startsWith("OWNER_")) owner.add(perm);
                }
                if (!owner.equals(perms)) Files.setPosixFilePermissions(p, owner);
            }
        }
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
    }

    /** One instance per data dir: Neo4j's own store lock fails later and less clearly. */
    private static FileLock lockHome(Path home) throws IOException, LauncherException {
        Path lockFile = home.resolve("newsgraph.lock");
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.READ);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            String holder = new String(Files.readAllBytes(lockFile), StandardCharsets.UTF_8).trim();
            throw new LauncherException(EXIT_LOCKED, "ALREADY_RUNNING",
                "Another embedded Neo4j is already running on data dir " + home
                    + (holder.isEmpty() ? "" : " (pid " + holder + ")")
                    + ". Stop it first, or set NEWSGRAPH_DATA to another folder.",
                Map.of("home", home.toString()));
        }
        channel.truncate(0);
        channel.write(java.nio.ByteBuffer.wrap(String.valueOf(ProcessHandle.current().pid())
            .getBytes(StandardCharsets.UTF_8)));
        channel.force(true);
        return lock;
    }

    /** NEO4J_PASSWORD wins; otherwise one generated on first start and kept (0600) in the data dir. */
    private static String resolvePassword(Path home) throws IOException, LauncherException {
        Optional<String> fromEnv = env("NEO4J_PASSWORD");
        if (fromEnv.isPresent()) {
            if (fromEnv.get().length() < 8) {
                throw new LauncherException(EXIT_CONFIG, "BAD_CONFIG",
                    "NEO4J_PASSWORD must be at least 8 characters long (Neo4j's minimum).", Map.of());
            }
            return fromEnv.get();
        }
        Path file = home.resolve("password");
        if (Files.exists(file)) {
            String stored = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (!stored.isEmpty()) return stored;
        }
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Path tmp = home.resolve("password.tmp");
        Files.deleteIfExists(tmp);
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException e) {
            // Raced with ourselves: deleteIfExists above makes this unreachable in practice.
        }
        Files.writeString(tmp, generated + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return generated;
    }

    /**
     * The embedded API runs with full rights, so the password is set through the system database.
     * The last password applied is remembered (hashed) so restarts do not rewrite it.
     */
    private static void setPassword(GraphDatabaseService system, String password, Path home) throws Exception {
        Path applied = home.resolve("password.applied");
        String digest = sha256(password);
        if (Files.exists(applied) && Files.readString(applied).trim().equals(digest)) return;
        try {
            system.executeTransactionally("ALTER USER " + USER + " SET PASSWORD $password CHANGE NOT REQUIRED",
                Map.of("password", password));
        } catch (RuntimeException e) {
            if (!rootMessage(e).contains("Old password and new password cannot be the same")) {
                throw new LauncherException(EXIT_CONFIG, "BAD_CONFIG",
                    "Could not set the Neo4j password: " + rootMessage(e), Map.of());
            }
        }
        Files.writeString(applied, digest + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(applied, PosixFilePermissions.fromString("rw-------"));
    }

    private static void ensurePortFree(int port) throws LauncherException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new LauncherException(EXIT_PORT_IN_USE, "PORT_IN_USE",
                "Port " + port + " on 127.0.0.1 is already in use. Set NEO4J_BOLT_PORT to another port, "
                    + "or to 0 to pick a free one.", Map.of("port", port));
        }
    }

    /** No orphan JVM: exit when the process that started us goes away (or closes our stdin). */
    private static void watchParent() {
        Optional<ProcessHandle> parent = ProcessHandle.current().parent();
        Thread parentWatch = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
                if (parent.isPresent() && !parent.get().isAlive()) {
                    System.err.println("newsgraph-neo4j: parent process exited; shutting down");
                    System.exit(0);
                }
            }
        }, "newsgraph-parent-watch");
        parentWatch.setDaemon(true);
        parentWatch.start();

        if ("1".equals(System.getenv("NEWSGRAPH_NEO4J_WATCH_STDIN"))) {
            Thread stdinWatch = new Thread(() -> {
                try {
                    InputStream in = System.in;
                    byte[] buffer = new byte[256];
                    while (in.read(buffer) >= 0) {
                        // Input is ignored; only its end matters.
                    }
                } catch (IOException ignored) {
                    // A broken pipe means the parent is gone, same as EOF.
                }
                System.err.println("newsgraph-neo4j: stdin closed; shutting down");
                System.exit(0);
            }, "newsgraph-stdin-watch");
            stdinWatch.setDaemon(true);
            stdinWatch.start();
        }
    }

    private static int parsePort(String value) throws LauncherException {
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 0 || port > 65535) throw new NumberFormatException();
            return port;
        } catch (NumberFormatException e) {
            throw new LauncherException(EXIT_CONFIG, "BAD_CONFIG",
                "NEO4J_BOLT_PORT must be a port number from 0 to 65535, got '" + value + "'.", Map.of());
        }
    }

    private static long parseBytes(String value, String name) throws LauncherException {
        String v = value.trim().toLowerCase();
        try {
            long unit = 1;
            char last = v.isEmpty() ? ' ' : v.charAt(v.length() - 1);
            if (last == 'k') unit = ByteUnit.kibiBytes(1);
            if (last == 'm') unit = ByteUnit.mebiBytes(1);
            if (last == 'g') unit = ByteUnit.gibiBytes(1);
            String digits = unit == 1 ? v : v.substring(0, v.length() - 1);
            long n = Long.parseLong(digits);
            if (n <= 0) throw new NumberFormatException();
            return n * unit;
        } catch (NumberFormatException e) {
            throw new LauncherException(EXIT_CONFIG, "BAD_CONFIG",
                name + " must be a size such as 256m or 1g, got '" + value + "'.", Map.of());
        }
    }

    private static String requireEnv(String name) throws LauncherException {
        return env(name).orElseThrow(() -> new LauncherException(EXIT_CONFIG, "BAD_CONFIG",
            name + " is not set.", Map.of()));
    }

    private static Optional<String> env(String name) {
        String v = System.getenv(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    private static String sha256(String s) throws Exception {
        byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        StringBuilder sb = new StringBuilder();
        for (byte b : d) sb.append(String.format("%02x", b));
        return sb.toString();
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String msg = root.getMessage();
        return msg == null ? root.getClass().getSimpleName() : msg;
    }

    private static void fail(int code, String kind, String message, Map<String, ?> extra) {
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>(extra);
        body.put("code", kind);
        body.put("message", message);
        OUT.println("NEWSGRAPH_NEO4J_ERROR " + json(body));
        OUT.flush();
        System.err.println("newsgraph-neo4j: " + message);
        Runtime.getRuntime().halt(code);
    }

    /** Flat maps of strings and numbers are all we print; a JSON library would be heavier than this. */
    private static String json(Map<String, ?> map) {
        StringBuilder sb = new StringBuilder("{");
        map.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            if (sb.length() > 1) sb.append(',');
            sb.append(quote(e.getKey())).append(':');
            Object v = e.getValue();
            sb.append(v instanceof Number ? v.toString() : quote(String.valueOf(v)));
        });
        return sb.append('}').toString();
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') sb.append('\\').append(c);
            else if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
            else sb.append(c);
        }
        return sb.append('"').toString();
    }

    private static final class LauncherException extends Exception {
        final int code;
        final String kind;
        final Map<String, ?> extra;

        LauncherException(int code, String kind, String message, Map<String, ?> extra) {
            super(message);
            this.code = code;
            this.kind = kind;
            this.extra = extra;
        }
    }
}
