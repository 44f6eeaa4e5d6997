package dev.llmsafe.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.llmsafe.cli.CliRun;
import dev.llmsafe.engine.EngineToolchain;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Our workflows run by nektos/act on this host ({@code -P ubuntu-latest=-self-hosted}: no Docker), as GitHub would
 * run them for an event: every external action replaced by its stand-in under {@code src/test/resources/act}
 * (docs/testing.md names them), the repository served from a {@code file://} origin holding the project as it is
 * now (the base commit) and a pull request's head commit, the REST API and the runner's OIDC token endpoint by
 * loopback stand-ins, and the audit buckets by a storage emulator. Google itself is out of reach: every credentialed
 * job stops at its first gcloud or Google client call, at sts.googleapis.com.
 */
final class ActSandbox implements AutoCloseable {
    static final String OWNER = "acme";
    static final String REPO = "llm-safe";
    static final String TOKEN = "ghs_actTestTokenNotARealOne0123456789";
    /** The stand-in's directory under src/test/resources/act for each external action our workflows use. */
    private static final Map<String, String> STAND_INS = Map.of(
            "actions/checkout",
            "checkout",
            "actions/setup-java",
            "setup-java",
            "actions/upload-artifact",
            "upload-artifact",
            "actions/download-artifact",
            "download-artifact",
            "pulumi/actions",
            "pulumi-actions",
            "google-github-actions/auth",
            "google-auth");

    private static final Pattern USES = Pattern.compile("uses: ([\\w.-]+/[\\w.-]+)@([0-9a-f]{40})");
    private static final long TIMEOUT_MINUTES = 10;
    /**
     * What every Maven command of a job adds (Maven reads MAVEN_ARGS): offline, from the repository the build running
     * these tests filled, without the launcher and its class-data-sharing archive, which no workflow step runs, and
     * without the format check, which the build running these tests did before them.
     */
    static final String MAVEN_ARGS = "-o -Dmaven.antrun.skip=true -Dspotless.check.skip=true";

    private final Path root;
    private final Path origin;
    private final Map<String, String> env = new LinkedHashMap<>();
    private final Map<String, String> vars = new LinkedHashMap<>();
    private final HttpServer oidc;
    private int runs;

    ActSandbox(Path root, String apiUrl, String storageEmulator) throws IOException, InterruptedException {
        this.root = root;
        this.origin = Files.createDirectories(root.resolve("git").resolve(OWNER).resolve(REPO));
        commitProject();
        oidc = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        // The runner's OIDC endpoint answers {"value": JWT}; Google's STS would judge the token, but is never reached.
        oidc.createContext("/", exchange -> {
            byte[] body = "{\"value\":\"eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXBvOmFjbWUvbGxtLXNhZmUifQ.c2ln\"}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        oidc.start();
        Path pulumi = pulumiOnPath(EngineToolchain.environment().get("PATH"));
        env.put("GITHUB_SERVER_URL", serverUrl());
        env.put("GITHUB_REPOSITORY", OWNER + "/" + REPO);
        env.put("GITHUB_API_URL", apiUrl);
        env.put(
                "ACTIONS_ID_TOKEN_REQUEST_URL",
                "http://127.0.0.1:" + oidc.getAddress().getPort() + "/_apis/idtoken?api-version=2.0");
        env.put("ACTIONS_ID_TOKEN_REQUEST_TOKEN", "oidc-request-token");
        env.put(
                "LLMSAFE_ACT_ARTIFACTS",
                Files.createDirectories(root.resolve("artifacts")).toString());
        env.put("LLMSAFE_ACT_PULUMI_BIN", pulumi.getParent().toString());
        env.put("STORAGE_EMULATOR_HOST", storageEmulator);
        env.put("MAVEN_ARGS", MAVEN_ARGS);
        vars.putAll(Map.of(
                "PULUMI_STATE_BUCKET",
                "acme-pulumi-state",
                "PULUMI_SECRETS_PROVIDER",
                "gcpkms://projects/acme-prod/locations/global/keyRings/pulumi/cryptoKeys/state",
                "GCP_PROJECT",
                "acme-prod",
                "GCP_REGION",
                "europe-west1",
                "GCP_WORKLOAD_IDENTITY_PROVIDER",
                "projects/123/locations/global/workloadIdentityPools/github/providers/github",
                "GCP_SERVICE_ACCOUNT",
                "deployer@acme-prod.iam.gserviceaccount.com",
                "AUDIT_BUCKET",
                "acme-audit",
                "AUDIT_CHECKPOINT_BUCKET",
                "acme-audit-checkpoints"));
    }

    /** Sets a variable for every step of every later run, as a runner's machine environment does. */
    ActSandbox env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** The commit on main: the project's files as the working tree has them. */
    String base() throws IOException, InterruptedException {
        return git("rev-parse", "main").strip();
    }

    /** A pull request's head: a branch off main with one file changed, checked out as the event's commit. */
    String head(String branch, String file, String appended) throws IOException, InterruptedException {
        git("checkout", "--quiet", "-B", branch, "main");
        Files.writeString(
                origin.resolve(file), appended, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        git("commit", "--quiet", "-am", "change " + file);
        return git("rev-parse", "HEAD").strip();
    }

    /** Checks out main again, as the commit a push to main runs on. */
    String onMain() throws IOException, InterruptedException {
        git("checkout", "--quiet", "main");
        return base();
    }

    /**
     * Runs {@code workflow} for {@code event} with this payload; {@code extra} are further act arguments (such as
     * {@code -j JOB}). Each run gets a run id of its own, as GitHub gives every run one.
     */
    ActResult run(String workflow, String event, JsonNode payload, String... extra)
            throws IOException, InterruptedException {
        runs++;
        Path dir = Files.createDirectories(root.resolve("run-" + runs));
        Path eventFile = Files.writeString(dir.resolve("event.json"), payload.toString());
        List<String> command = new ArrayList<>(List.of(
                ActToolchain.act().toString(),
                event,
                "-W",
                ".github/workflows/" + workflow,
                "-e",
                eventFile.toString(),
                "-P",
                "ubuntu-latest=-self-hosted",
                "--no-skip-checkout",
                "--json",
                "--verbose",
                "--action-cache-path",
                dir.resolve("act-cache").toString(),
                "-s",
                "GITHUB_TOKEN=" + TOKEN,
                "--env",
                "GITHUB_RUN_ID=" + (4000L + runs)));
        for (String[] pin : pins(workflow)) {
            String standIn = STAND_INS.get(pin[0]);
            if (standIn == null) {
                throw new AssertionError(
                        workflow + " uses " + pin[0] + ", which has no stand-in under src/test/resources/act");
            }
            command.addAll(List.of(
                    "--local-repository",
                    serverUrl() + "/" + pin[0] + "@" + pin[1] + "="
                            + CliRun.projectDir()
                                    .resolve("src/test/resources/act")
                                    .resolve(standIn)));
        }
        env.forEach((k, v) -> command.addAll(List.of("--env", k + "=" + v)));
        vars.forEach((k, v) -> command.addAll(List.of("--var", k + "=" + v)));
        command.addAll(List.of(extra));
        Path log = dir.resolve("act.log");
        Process process = new ProcessBuilder(command)
                .directory(origin.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
            throw new AssertionError("act timed out after " + TIMEOUT_MINUTES + " minutes; its log: " + log);
        }
        return ActResult.read(process.exitValue(), log);
    }

    /** The run id {@link #run} gives its next run (GITHUB_RUN_ID), for stand-ins that answer for that run. */
    long nextRunId() {
        return 4001L + runs;
    }

    /** Every pinned action the workflow uses: name and commit. */
    private static List<String[]> pins(String workflow) throws IOException {
        Matcher m = USES.matcher(Files.readString(CliRun.projectDir().resolve(".github/workflows/" + workflow)));
        List<String[]> pins = new ArrayList<>();
        while (m.find()) {
            pins.add(new String[] {m.group(1), m.group(2)});
        }
        return pins.stream().distinct().toList();
    }

    /** The toolchain's CLI, which the pulumi/actions stand-in installs. */
    private static Path pulumiOnPath(String path) {
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "pulumi");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError("the engine toolchain's PATH has no pulumi: " + path);
    }

    private String serverUrl() {
        return origin.getParent().getParent().toUri().toString().replaceAll("/$", "");
    }

    /** The project's tracked and new files, as the working tree has them, as one commit on main. */
    private void commitProject() throws IOException, InterruptedException {
        Path project = CliRun.projectDir();
        String listed = run(project, "git", "ls-files", "-z", "--cached", "--others", "--exclude-standard");
        for (String file : listed.split("\0")) {
            Path source = project.resolve(file);
            if (file.isEmpty() || !Files.isRegularFile(source)) {
                continue;
            }
            Path target = origin.resolve(file);
            Files.createDirectories(target.getParent());
            Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
        git("init", "--quiet", "--initial-branch=main");
        git("add", "--all");
        git("commit", "--quiet", "-m", "the project under test");
    }

    private String git(String... args) throws IOException, InterruptedException {
        List<String> command =
                new ArrayList<>(List.of("git", "-c", "user.name=Test", "-c", "user.email=test@example.com"));
        command.addAll(List.of(args));
        return run(origin, command.toArray(String[]::new));
    }

    private static String run(Path dir, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }

    @Override
    public void close() {
        oidc.stop(0);
    }
}
