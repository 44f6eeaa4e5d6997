package dev.llmsafe.policy.build;

import dev.llmsafe.policy.Finding;
import dev.llmsafe.policy.Location;
import dev.llmsafe.policy.input.InputException;
import dev.llmsafe.policy.input.YamlNode;
import dev.llmsafe.policy.input.YamlReader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code Pulumi.yaml}: every package in {@code packages:} names an exact version: {@code source@1.2.3}, or
 * {@code {source, version}}, and a Terraform provider run through {@code terraform-provider} also pins the
 * provider's own version (its second parameter); every plugin in {@code plugins:} that gives a version gives
 * an exact one.
 */
public final class PulumiYamlPins {
    static final Pattern EXACT = Pattern.compile("v?[0-9]+\\.[0-9]+\\.[0-9]+([-+][0-9A-Za-z.+-]+)?");
    private static final String FIX = "pin an exact version such as 1.1.3";

    private PulumiYamlPins() {}

    public static List<Finding> check(String path, String text) {
        YamlNode root;
        try {
            root = YamlReader.parse(text, path);
        } catch (InputException e) {
            return List.of(Finding.at(
                    Location.file(path), e.getMessage() + "; its package versions cannot be checked", "fix the YAML"));
        }
        List<Finding> out = new ArrayList<>();
        YamlNode.asMapping(root)
                .flatMap(r -> r.mapping("packages"))
                .ifPresent(packages -> packages.entries()
                        .forEach((name, spec) -> judgePackage(path, name, spec, packages.keyLine(name), out)));
        YamlNode.asMapping(root)
                .flatMap(r -> r.mapping("plugins"))
                .ifPresent(plugins -> plugins.entries()
                        .forEach((kind, list) -> YamlNode.asSequence(list).ifPresent(seq -> {
                            for (YamlNode item : seq.items()) {
                                YamlNode.asMapping(item).ifPresent(p -> {
                                    String version = p.text("version");
                                    if (p.get("version") != null
                                            && (version == null
                                                    || !EXACT.matcher(version).matches())) {
                                        out.add(Finding.at(
                                                Location.file(path, p.keyLine("version")),
                                                "plugin " + p.text("name") + " has version '" + version
                                                        + "', not an exact one",
                                                FIX));
                                    }
                                });
                            }
                        })));
        return out;
    }

    private static void judgePackage(String path, String name, YamlNode spec, int line, List<Finding> out) {
        String source;
        String version;
        List<String> parameters = List.of();
        if (spec instanceof YamlNode.Scalar) {
            String text = YamlNode.text(spec);
            int at = text == null ? -1 : text.lastIndexOf('@');
            source = at < 0 ? text : text.substring(0, at);
            version = at < 0 ? null : text.substring(at + 1);
        } else if (spec instanceof YamlNode.Mapping) {
            YamlNode.Mapping m = (YamlNode.Mapping) spec;
            source = m.text("source");
            version = m.text("version");
            parameters = YamlNode.texts(m.get("parameters"));
            line = m.keyLine("version");
        } else {
            out.add(Finding.at(
                    Location.file(path, line),
                    "package " + name + " is neither source@version nor " + "{source, version}",
                    FIX));
            return;
        }
        if (version == null || !EXACT.matcher(version).matches()) {
            out.add(Finding.at(
                    Location.file(path, line),
                    "package " + name + " (" + source + ") has version '" + version + "', not an exact one",
                    FIX));
        }
        if ("terraform-provider".equals(source)) {
            String providerVersion = parameters.size() >= 2 ? parameters.get(1) : null;
            if (providerVersion == null || !EXACT.matcher(providerVersion).matches()) {
                out.add(Finding.at(
                        Location.file(path, line),
                        "package " + name + " runs Terraform provider "
                                + (parameters.isEmpty() ? "(none named)" : parameters.get(0))
                                + " without an exact provider version ('"
                                + providerVersion + "')",
                        "add the provider version as the second parameter, e.g. [owner/name, 0.6.2]"));
            }
        }
    }
}
