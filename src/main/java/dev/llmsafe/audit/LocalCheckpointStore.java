package dev.llmsafe.audit;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Checkpoints in a local folder, one file each, created and never replaced. A folder is only as safe as who
 * can write it: it suits an auditor's own copy and tests, while CI publishes to the checkpoint bucket.
 */
public final class LocalCheckpointStore implements CheckpointStore {
    private final Path folder;

    public LocalCheckpointStore(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
    }

    @Override
    public String describe() {
        return folder.toString();
    }

    @Override
    public void publish(Checkpoint checkpoint) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(CheckpointStore.name(checkpoint.seq()));
        try {
            Files.write(
                    file,
                    CheckpointStore.content(checkpoint),
                    StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE,
                    StandardOpenOption.SYNC);
        } catch (FileAlreadyExistsException e) {
            Checkpoint existing =
                    CheckpointStore.read(file.getFileName().toString(), Files.readAllBytes(file), describe());
            if (!existing.equals(checkpoint)) {
                throw CheckpointStore.conflict(describe(), existing, checkpoint);
            }
        }
    }

    @Override
    public List<Checkpoint> list() throws IOException {
        if (!Files.exists(folder)) {
            return List.of(); // nothing published yet; verify refuses a store without checkpoints
        }
        List<Checkpoint> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                out.add(CheckpointStore.read(file.getFileName().toString(), Files.readAllBytes(file), describe()));
            }
        }
        out.sort(Comparator.comparingLong(Checkpoint::seq));
        return out;
    }
}
