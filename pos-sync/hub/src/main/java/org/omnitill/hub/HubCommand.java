package org.omnitill.hub;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code omnitill-hub [--data-dir DIR] [--port N] [--db JDBC-URL]}: runs the hub until stopped. */
@Command(name = "omnitill-hub", mixinStandardHelpOptions = true, versionProvider = HubCommand.Version.class,
        description = "Runs the Omnitill hub: the central server the tills sync with.")
public final class HubCommand implements Callable<Integer> {

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where the hub keeps its H2 database and logs (default: ./omnitill-hub-data).")
    Path dataDir = Path.of("omnitill-hub-data");

    @Option(names = "--port", paramLabel = "N", description = "HTTP port (default: ${DEFAULT-VALUE}).")
    int port = 8085;

    @Option(names = "--host", paramLabel = "ADDR", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host = "0.0.0.0";

    @Option(names = "--db", paramLabel = "JDBC-URL",
            description = "Database URL (default: an H2 file in the data directory).")
    String jdbcUrl;

    @Option(names = "--db-user", paramLabel = "USER", description = "Database user (default: ${DEFAULT-VALUE}).")
    String dbUser = "sa";

    @Option(names = "--db-password-env", paramLabel = "VAR",
            description = "Name of the environment variable that holds the database password.")
    String dbPasswordEnv;

    @Option(names = "--admin-user", paramLabel = "USER",
            description = "Create this admin user (or set its password) from the environment variable "
                    + ADMIN_PASSWORD_ENV + " before serving.")
    String adminUser;

    static final String ADMIN_PASSWORD_ENV = "OMNITILL_HUB_ADMIN_PASSWORD";

    public static void main(String[] args) {
        System.exit(new CommandLine(new HubCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Path dir = dataDir.toAbsolutePath();
        Files.createDirectories(dir);
        // before the first logger: logback reads it to put the rolling log files in the data directory
        System.setProperty("omnitill.log.dir", dir.resolve("logs").toString());
        String url = jdbcUrl != null ? jdbcUrl : "jdbc:h2:file:" + dir.resolve("hub") + ";WRITE_DELAY=0";
        String password = dbPasswordEnv == null ? "" : System.getenv().getOrDefault(dbPasswordEnv, "");
        CountDownLatch stopRequested = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopRequested.countDown();
            try {
                closed.await(15, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "hub-shutdown"));
        try (HubDatabase database = HubDatabase.open(url, dbUser, password);
             HubServer server = new HubServer(database, Version.current())) {
            if (adminUser != null) {
                String adminPassword = System.getenv(ADMIN_PASSWORD_ENV);
                if (adminPassword == null || adminPassword.isEmpty()) {
                    System.err.println("--admin-user needs the password in the environment variable " + ADMIN_PASSWORD_ENV);
                    return 2;
                }
                try {
                    server.saveAdmin(adminUser, adminPassword.toCharArray());
                } catch (IllegalArgumentException e) {
                    System.err.println(e.getMessage());
                    return 2;
                }
            }
            server.start(host, port);
            stopRequested.await();
        } finally {
            closed.countDown();
        }
        return 0;
    }

    /** The build version, from the jar manifest; {@code dev} when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        static String current() {
            String version = HubCommand.class.getPackage().getImplementationVersion();
            return version != null ? version : "dev";
        }

        @Override
        public String[] getVersion() {
            return new String[] {"omnitill-hub " + current()};
        }
    }
}
