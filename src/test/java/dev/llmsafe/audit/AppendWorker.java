package dev.llmsafe.audit;

import dev.llmsafe.identity.ActorKind;
import java.nio.file.Path;

/** A second process for the concurrency test: appends N records to a log file, then exits. */
public final class AppendWorker {
    private AppendWorker() {}

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        String name = args[2];
        LocalFileStore store = new LocalFileStore(file);
        for (int i = 0; i < count; i++) {
            var payload =
                    AuditJson.MAPPER.createObjectNode().put("writer", name).put("n", i);
            store.append(new RecordDraft(RecordKinds.AI_ACTIVITY, Actor.of(ActorKind.BOT, name), null, payload));
        }
    }
}
