package dev.llmsafe.cli;

import dev.llmsafe.audit.Checkpoint;
import dev.llmsafe.audit.CheckpointStore;
import dev.llmsafe.audit.ParallelChainVerifier;
import dev.llmsafe.audit.RecordStore;
import dev.llmsafe.audit.VerifyResult;
import dev.llmsafe.identity.ActorClassifier;
import dev.llmsafe.policy.PolicyFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code llmsafe audit verify}: checks the whole chain, and the log against published checkpoints. */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = {
            "Verifies the whole audit log.",
            "",
            "Checks canonical records within the record limits, seqs 1, 2, 3... without gaps, repeats or "
                    + "reordering, every hash and every link, what each record means (an RFC 3339 time, an object "
                    + "payload, an actor the classifier agrees with), and that the log still holds each given "
                    + "checkpoint, including every one published to a --checkpoints store.",
            "",
            "Exit codes: 0 intact; 1 broken (the first bad seq and the reason: hash mismatch, broken link, "
                    + "gap, duplicate, out of order, non-canonical, torn line, tail shorter than the checkpoint, "
                    + "checkpoint mismatch, malformed record, invalid value); 2 the log or a checkpoint store could "
                    + "not be read, or a store holds no checkpoint (no verdict)."
        })
public final class AuditVerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--checkpoint",
            paramLabel = "SEQ:HASH",
            description = "A head printed earlier by `llmsafe audit checkpoint` (repeatable).")
    List<String> checkpoints = new ArrayList<>();

    @Option(
            names = "--checkpoints",
            paramLabel = "STORE",
            description = "Every checkpoint published by `llmsafe audit checkpoint --publish`: gs://BUCKET or a folder "
                    + "(repeatable).")
    List<String> stores = new ArrayList<>();

    @Option(
            names = "--policy",
            paramLabel = "FILE",
            description = "Policy file whose aiIdentities classify actors: a record calling one of them human breaks.")
    Path policyFile;

    @Option(
            names = "--ai-identities",
            paramLabel = "LOGINS",
            split = ",",
            hideParamSyntax = true,
            description = "Logins of AI agents, comma-separated (added to the policy file's aiIdentities).")
    List<String> aiIdentities = new ArrayList<>();

    @Mixin
    AuditStoreOptions storeOptions;

    @Override
    public Integer call() throws IOException {
        var err = spec.commandLine().getErr();
        List<Checkpoint> parsed = new ArrayList<>();
        for (String c : checkpoints) {
            parsed.add(Checkpoint.parse(c));
        }
        List<String> from = new ArrayList<>();
        for (String s : stores) {
            CheckpointStore store = storeOptions.checkpoints(s, "--checkpoints");
            List<Checkpoint> published = store.list();
            if (published.isEmpty()) {
                throw new BadInputException(store.describe() + " holds no checkpoint, so there is nothing to "
                        + "hold the log against; check the store's name, or leave --checkpoints out");
            }
            parsed.addAll(published);
            from.add(published.size() + " from " + store.describe());
        }
        ActorClassifier classifier = PolicyFile.classifier(policyFile, aiIdentities);
        RecordStore store = storeOptions.openExisting();
        VerifyResult result = verify(store, parsed, classifier, err);
        PrintWriter out = spec.commandLine().getOut();
        if (result.intact()) {
            out.println("intact: " + result.records() + " records, head " + result.head()
                    + (parsed.isEmpty() ? "" : "; " + parsed.size() + " checkpoint(s) matched")
                    + (from.isEmpty() ? "" : " (" + String.join(", ", from) + ")"));
            out.flush();
            return ExitCodes.OK;
        }
        out.println("BROKEN at " + result.failure().orElseThrow());
        out.println(result.records() + " records before it verified; the log was not changed");
        out.flush();
        return ExitCodes.FAILED;
    }

    /**
     * Verifies on every core ({@link ParallelChainVerifier}: the same verdict as one pass), with a progress line on
     * stderr every few seconds (a GCS log is read one object at a time).
     */
    static VerifyResult verify(
            RecordStore store, List<Checkpoint> checkpoints, ActorClassifier classifier, PrintWriter err)
            throws IOException {
        return ParallelChainVerifier.verify(store, checkpoints, classifier, records -> {
            err.println("verifying " + store.describe() + ": " + records + " records verified");
            err.flush();
        });
    }
}
