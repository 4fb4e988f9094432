package dev.sqlmodel.processor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic;

/**
 * The model annotation processor: checks every {@code @Table} or {@code @jakarta.persistence.Entity}
 * model, generates its {@code Hero_} metamodel (and the Jakarta Data static metamodel {@code _Hero}
 * when jakarta.data-api is on the class path) and, in the last round, writes
 * {@code META-INF/sqlmodel/models.idx}. For each Jakarta Data {@code @Repository} interface over
 * such models it generates the implementing bean class {@code Heroes_} ({@link RepositoryGenerator}).
 */
public final class ModelProcessor extends AbstractProcessor {
    private Elements elements;
    private Messager messager;
    private Annotations annotations;
    private ModelScanner scanner;
    private ModelChecks checks;
    private MetamodelWriter metamodelWriter;
    private StaticMetamodelWriter staticMetamodelWriter;
    private ModelIndex index;
    private TableRegistry tables;
    private RepositoryGenerator repositories;

    /** Canonical names of models whose field types were not resolved yet: another processor may generate them. */
    private final Set<String> deferred = new LinkedHashSet<>();
    /** Binary names of every model seen in this compilation. */
    private final Set<String> models = new TreeSet<>();
    /** Canonical names of the same models, for the index's originating elements. */
    private final Set<String> modelSources = new LinkedHashSet<>();
    private boolean indexWritten;
    /** Qualified names of the types written in source in this compilation: a hand-written {@code _Hero} wins. */
    private final Set<String> sourceTypes = new LinkedHashSet<>();

    /**
     * The processor option ({@code -Asqlmodel.persistenceEntities=false}) that leaves classes annotated
     * {@code @jakarta.persistence.Entity} to a Jakarta Persistence provider compiled beside this library.
     */
    public static final String PERSISTENCE_ENTITIES = "sqlmodel.persistenceEntities";

    /** Creates the processor; javac finds it through {@code META-INF/services}. */
    public ModelProcessor() {
    }

    /** Sets up the helpers over the compiler's utilities. */
    @Override
    public synchronized void init(ProcessingEnvironment env) {
        super.init(env);
        elements = env.getElementUtils();
        messager = env.getMessager();
        annotations = new Annotations(elements, !"false".equalsIgnoreCase(env.getOptions().get(PERSISTENCE_ENTITIES)));
        ColumnTypes columnTypes = new ColumnTypes(env.getTypeUtils());
        scanner = new ModelScanner(elements, env.getTypeUtils(), annotations, columnTypes);
        checks = new ModelChecks(messager, env.getTypeUtils(), annotations, columnTypes);
        metamodelWriter = new MetamodelWriter(env.getFiler(), columnTypes);
        staticMetamodelWriter = new StaticMetamodelWriter(env.getFiler(), elements, columnTypes);
        index = new ModelIndex(env.getFiler());
        tables = new TableRegistry(messager);
        repositories = new RepositoryGenerator(env, annotations);
    }

    /**
     * {@code dev.sqlmodel.Table} and {@code jakarta.persistence.Entity}, and Jakarta Data's
     * {@code Repository} for the repository classes.
     */
    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(Annotations.TABLE, Annotations.ENTITY, RepositoryGenerator.REPOSITORY);
    }

    /** {@value #PERSISTENCE_ENTITIES}. */
    @Override
    public Set<String> getSupportedOptions() {
        return Set.of(PERSISTENCE_ENTITIES);
    }

    /** The latest source version of the running compiler: the processor reads no version-specific syntax. */
    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    /** Handles this round's models, or in the last round the deferred ones and the index; claims nothing. */
    @Override
    public boolean process(Set<? extends TypeElement> annotationTypes, RoundEnvironment round) {
        repositories.process(round);
        if (round.processingOver()) {
            for (TypeElement model : takeDeferred()) {
                // No later round can compile a source written now, so only check and index.
                handle(model, false);
            }
            writeIndex();
            return false;
        }
        for (Element root : round.getRootElements()) {
            if (root instanceof TypeElement type) {
                sourceTypes.add(type.getQualifiedName().toString());
            }
        }
        List<TypeElement> candidates = new ArrayList<>(takeDeferred());
        for (TypeElement annotation : annotationTypes) {
            if (annotation.getQualifiedName().contentEquals(RepositoryGenerator.REPOSITORY)
                    || annotation.getQualifiedName().contentEquals(Annotations.ENTITY) && !annotations.persistenceEntities()) {
                continue;
            }
            for (Element element : round.getElementsAnnotatedWith(annotation)) {
                if (element instanceof TypeElement type && !candidates.contains(type)) {
                    candidates.add(type);
                }
            }
        }
        for (TypeElement model : candidates) {
            if (scanner.hasUnresolvedTypes(model)) {
                deferred.add(model.getQualifiedName().toString());
            } else {
                handle(model, true);
            }
        }
        return false;
    }

    /** Looks the deferred models up again: elements must not be carried from one round to the next. */
    private List<TypeElement> takeDeferred() {
        List<TypeElement> found = new ArrayList<>();
        for (String name : deferred) {
            TypeElement model = elements.getTypeElement(name);
            if (model != null) {
                found.add(model);
            }
        }
        deferred.clear();
        return found;
    }

    private void handle(TypeElement model, boolean generate) {
        ModelDescriptor descriptor = scanner.scan(model);
        tables.claim(descriptor);
        Optional<ModelDescriptor> checked = checks.check(descriptor);
        if (checked.isEmpty()) {
            return;
        }
        models.add(descriptor.binaryName());
        modelSources.add(descriptor.sourceName());
        if (!generate) {
            return;
        }
        try {
            metamodelWriter.write(checked.get());
        } catch (IOException e) {
            messager.printMessage(Diagnostic.Kind.ERROR,
                    descriptor.sourceName() + ": cannot write metamodel " + descriptor.metamodelName() + ": " + e.getMessage(),
                    model);
        }
        String staticMetamodel = StaticMetamodelWriter.qualifiedName(descriptor);
        if (staticMetamodelWriter.available() && !sourceTypes.contains(staticMetamodel)) {
            try {
                staticMetamodelWriter.write(checked.get());
            } catch (IOException e) {
                messager.printMessage(Diagnostic.Kind.ERROR, descriptor.sourceName()
                        + ": cannot write static metamodel " + staticMetamodel + ": " + e.getMessage(), model);
            }
        }
    }

    private void writeIndex() {
        if (indexWritten) {
            return;
        }
        indexWritten = true;
        try {
            List<String> previous = index.readPrevious();
            if (models.isEmpty() && previous.isEmpty()) {
                return;
            }
            Element[] origins = modelSources.stream().map(elements::getTypeElement).filter(e -> e != null).toArray(Element[]::new);
            index.write(models, previous, this::isStillModel, origins);
        } catch (IOException e) {
            messager.printMessage(Diagnostic.Kind.ERROR, "cannot write " + ModelIndex.PATH + ": " + e.getMessage());
        }
    }

    /** Whether an entry of an earlier index still names a table model class. */
    private boolean isStillModel(String binaryName) {
        TypeElement type = elements.getTypeElement(binaryName.replace('$', '.'));
        if (type == null) {
            type = elements.getTypeElement(binaryName);
        }
        return type != null && annotations.isModel(type);
    }
}
