package dev.llmsafe.policy.rules;

import dev.llmsafe.identity.ActorClassifier;
import dev.llmsafe.identity.ActorKind;
import dev.llmsafe.policy.EnforcementLevel;
import dev.llmsafe.policy.Finding;
import dev.llmsafe.policy.Judgement;
import dev.llmsafe.policy.Location;
import dev.llmsafe.policy.PathGlob;
import dev.llmsafe.policy.PathNormalizer;
import dev.llmsafe.policy.PolicyInput;
import dev.llmsafe.policy.Rule;
import dev.llmsafe.policy.RuleCategory;
import dev.llmsafe.policy.change.ChangeSet;
import dev.llmsafe.policy.change.ChangedFile;
import dev.llmsafe.policy.change.CommitInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An AI-assisted change may not touch protected paths ({@link dev.llmsafe.policy.PolicyFile#DEFAULT_PROTECTED_PATHS}
 * and whatever policy.yaml adds). A change is AI-assisted when any commit has an AI trailer (as git reads
 * trailers), any author or committer is an AI identity, a known agent or a bot (as {@link ActorClassifier}
 * decides), or the pull request has the {@code ai-assisted} label. Paths are normalised first ({@link PathNormalizer}); a path that cannot be normalised cannot be shown
 * to be outside the protected set and is a violation; a rename counts for both paths; a new symbolic link is
 * a violation (it could point into a protected path), and so is an existing one retargeted onto a protected
 * path; a submodule counts for every path below it.
 */
public final class AiAllowedPathsRule implements Rule {
    /** The rule's id in policy.yaml, suppressions and reports. */
    public static final String ID = "ai-allowed-paths";

    public static final String AI_LABEL = "ai-assisted";
    private static final String HUMAN_FIX =
            "have a person make this change in a separate pull request without AI assistance";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "An AI-assisted change touches no protected path and adds no symbolic link.";
    }

    @Override
    public EnforcementLevel defaultLevel() {
        return EnforcementLevel.MANDATORY;
    }

    @Override
    public RuleCategory category() {
        return RuleCategory.CHANGE;
    }

    /** A whole working tree is no change: nothing in it was made by anyone in particular. */
    @Override
    public boolean appliesTo(PolicyInput input) {
        return input.change().map(c -> !c.wholeTree()).orElse(false);
    }

    @Override
    public String skipReason() {
        return "no diff given (--diff); a whole tree (--all-files) is not a change";
    }

    @Override
    public String judges() {
        return "files of an AI-assisted change";
    }

    @Override
    public Judgement judge(PolicyInput input) {
        ChangeSet change = input.change().orElseThrow();
        Optional<String> why = aiSignal(change, input.classifier());
        if (why.isEmpty()) {
            return Judgement.notApplicable("the change shows no AI assistance (no AI trailer, author or committer, no "
                    + AI_LABEL + " label)");
        }
        List<PathGlob> protectedPaths =
                input.policy().protectedPaths().stream().map(PathGlob::of).toList();
        List<Finding> out = new ArrayList<>();
        for (ChangedFile file : change.files()) {
            for (String raw : file.paths()) {
                PathNormalizer.Result path = PathNormalizer.normalize(raw);
                String shown = PathNormalizer.printable(raw);
                if (!path.ok()) {
                    out.add(Finding.at(
                            Location.NONE,
                            "AI-assisted change (" + why.get() + ") has a path that cannot be " + "judged: '" + shown
                                    + "': " + path.rejection(),
                            "rename the file to a plain relative path"));
                    continue;
                }
                Optional<PathGlob> direct = protectedPaths.stream()
                        .filter(g -> g.matchesFolded(path.folded()))
                        .findFirst();
                if (direct.isPresent()) {
                    out.add(Finding.at(
                            Location.file(path.path()),
                            "AI-assisted change (" + why.get() + ") " + verb(file) + " protected path " + shown
                                    + " (matches " + direct.get().pattern() + ")",
                            HUMAN_FIX));
                } else if (file.isGitlink()) {
                    // A submodule's files are not in the diff; where it lands is its path, whatever .gitmodules says.
                    protectedPaths.stream()
                            .filter(g -> g.matchesBelowFolded(path.folded()))
                            .findFirst()
                            .ifPresent(g -> out.add(Finding.at(
                                    Location.file(path.path()),
                                    "AI-assisted change (" + why.get() + ") "
                                            + verb(file) + " submodule " + shown
                                            + ", whose files could fall under a protected path"
                                            + " (matches " + g.pattern() + ")",
                                    HUMAN_FIX)));
                }
            }
            if (file.isRetargetedSymlink()) {
                retargeted(file, why.get(), protectedPaths).ifPresent(out::add);
            }
            if (file.isNewSymlink()) {
                PathNormalizer.Result path = PathNormalizer.normalize(file.path());
                out.add(Finding.at(
                        path.ok() ? Location.file(path.path()) : Location.NONE,
                        "AI-assisted change (" + why.get() + ") adds symbolic link "
                                + PathNormalizer.printable(file.path()),
                        "commit the file itself; a link can point into a protected path"));
            }
        }
        return Judgement.of(change.files().size(), out);
    }

    /** A link that existed and now points elsewhere touches what it points at, when that is protected. */
    private static Optional<Finding> retargeted(ChangedFile link, String why, List<PathGlob> protectedPaths) {
        String shown = PathNormalizer.printable(link.path());
        PathNormalizer.Result path = PathNormalizer.normalize(link.path());
        PathNormalizer.Result target = PathNormalizer.linkTarget(path.ok() ? path.path() : link.path(), link.content());
        Location at = path.ok() ? Location.file(path.path()) : Location.NONE;
        if (!target.ok()) {
            return Optional.of(Finding.at(
                    at,
                    "AI-assisted change (" + why + ") retargets symbolic link " + shown
                            + " somewhere that cannot be judged: " + target.rejection(),
                    "point the link inside the repository"));
        }
        return protectedPaths.stream()
                .filter(g -> g.matchesFolded(target.folded()) || g.coversFolderFolded(target.folded()))
                .findFirst()
                .map(g -> Finding.at(
                        at,
                        "AI-assisted change (" + why + ") retargets symbolic link " + shown + " onto protected path "
                                + target.path() + " (matches " + g.pattern() + ")",
                        HUMAN_FIX));
    }

    /** Why the change counts as AI-assisted, or empty when it does not. */
    public static Optional<String> aiSignal(ChangeSet change, ActorClassifier classifier) {
        for (String label : change.labels()) {
            if (label.trim().toLowerCase(Locale.ROOT).equals(AI_LABEL)) {
                return Optional.of("pull request label " + AI_LABEL);
            }
        }
        for (CommitInfo c : change.commits()) {
            String commit = c.sha() == null
                    ? "a commit"
                    : "commit " + c.sha().substring(0, Math.min(12, c.sha().length()));
            Optional<String> trailer = classifier.aiTrailer(c.trailers());
            if (trailer.isPresent()) {
                return Optional.of(commit + " has trailer '" + PathNormalizer.printable(trailer.get()) + "'");
            }
            for (String[] who : new String[][] {
                {"author", c.authorName(), c.authorEmail()}, {"committer", c.committerName(), c.committerEmail()}
            }) {
                ActorKind kind = kind(classifier, who[1], who[2]);
                if (kind != ActorKind.HUMAN) {
                    return Optional.of(commit + " " + who[0] + " " + PathNormalizer.printable(who[1]) + " is "
                            + (kind == ActorKind.AI ? "an AI identity" : "a bot"));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * A commit identity is judged by name, email, and the login in a GitHub noreply address
     * ({@code 12345+login@users.noreply.github.com}); a name or email naming a known agent is AI. An empty
     * name is unknown, not a bot.
     */
    static ActorKind kind(ActorClassifier classifier, String name, String email) {
        List<String> candidates = new ArrayList<>();
        if (name != null && !name.isBlank()) {
            candidates.add(name);
        }
        if (email != null && !email.isBlank()) {
            candidates.add(email);
            int at = email.indexOf('@');
            String local = at < 0 ? email : email.substring(0, at);
            candidates.add(local.contains("+") ? local.substring(local.indexOf('+') + 1) : local);
        }
        for (String c : candidates) {
            if (classifier.isAgent(c)) {
                return ActorKind.AI;
            }
            ActorKind kind = classifier.classify(c);
            if (kind != ActorKind.HUMAN) {
                return kind;
            }
        }
        return ActorKind.HUMAN;
    }

    private static String verb(ChangedFile file) {
        switch (file.status()) {
            case ADDED:
                return "adds";
            case DELETED:
                return "deletes";
            case RENAMED:
                return "renames";
            case COPIED:
                return "copies";
            default:
                return "modifies";
        }
    }
}
