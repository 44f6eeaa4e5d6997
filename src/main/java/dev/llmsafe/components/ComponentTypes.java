package dev.llmsafe.components;

/** Type tokens of this project's components: the package {@value #PACKAGE} is ours alone. */
public final class ComponentTypes {
    public static final String PACKAGE = "llmsafe";

    private ComponentTypes() {}

    public static String of(String component) {
        return PACKAGE + ":components:" + component;
    }
}
