package dev.sqlmodel.schema.cli;

import java.util.List;
import picocli.CommandLine.Option;

/** {@code --models} and {@code --classpath}. */
final class ModelOptions {
    @Option(names = "--models", description = "a package (read from the models index) or model class names, comma-separated; default: every indexed model")
    String models;

    @Option(names = "--classpath", description = "jars and class folders holding the models, separated by the path separator or commas")
    String classpath;

    /** The model classes. */
    List<Class<?>> load() {
        return ModelLoader.load(models, classpath);
    }

    @Override
    public String toString() {
        return "ModelOptions[" + models + "]";
    }
}
