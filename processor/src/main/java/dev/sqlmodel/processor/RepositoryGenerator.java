package dev.sqlmodel.processor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;

/**
 * Finds the Jakarta Data repositories this provider implements and has {@link RepositoryWriter}
 * generate their classes. A repository is ours when its {@code provider} is empty or
 * {@code SQLModel} (any case) and its entity is a model: the primary entity type of
 * {@code DataRepository<T, K>} when it extends one, otherwise any entity its lifecycle methods
 * take or its methods return. Repositories of other providers or entities are skipped silently,
 * because in one application several Jakarta Data providers may each implement their own; a
 * repository with no entity at all is reported as a warning.
 */
final class RepositoryGenerator {
    static final String REPOSITORY = "jakarta.data.repository.Repository";
    private static final String DATA_REPOSITORY = "jakarta.data.repository.DataRepository";
    private static final String PROVIDER = "SQLModel";
    private static final Set<String> LIFECYCLE = Set.of(
            "jakarta.data.repository.Insert", "jakarta.data.repository.Update",
            "jakarta.data.repository.Delete", "jakarta.data.repository.Save");

    private final Elements elements;
    private final Types types;
    private final Messager messager;
    private final Annotations annotations;
    private final RepositoryWriter writer;
    /** Canonical names of repositories whose signatures name types not generated yet. */
    private final Set<String> deferred = new LinkedHashSet<>();

    /** A generator over the compiler's utilities. */
    RepositoryGenerator(ProcessingEnvironment env, Annotations annotations) {
        this.elements = env.getElementUtils();
        this.types = env.getTypeUtils();
        this.messager = env.getMessager();
        this.annotations = annotations;
        // Without CDI on the class path the class is still what Repositories.of instantiates.
        boolean cdi = elements.getTypeElement("jakarta.enterprise.context.ApplicationScoped") != null
                && elements.getTypeElement("jakarta.inject.Inject") != null;
        this.writer = new RepositoryWriter(env.getFiler(), types, cdi);
    }

    /** Handles this round's repositories and those deferred from earlier rounds. */
    void process(RoundEnvironment round) {
        List<TypeElement> candidates = new ArrayList<>();
        for (String name : deferred) {
            TypeElement type = elements.getTypeElement(name);
            if (type != null) {
                candidates.add(type);
            }
        }
        deferred.clear();
        TypeElement annotation = elements.getTypeElement(REPOSITORY);
        if (annotation != null && !round.processingOver()) {
            for (Element element : round.getElementsAnnotatedWith(annotation)) {
                if (element instanceof TypeElement type && !candidates.contains(type)) {
                    candidates.add(type);
                }
            }
        }
        for (TypeElement repository : candidates) {
            if (round.processingOver()) {
                // No later round could compile the class: the compiler reports the missing types itself.
                continue;
            }
            if (hasUnresolvedTypes(repository)) {
                deferred.add(repository.getQualifiedName().toString());
            } else {
                handle(repository);
            }
        }
    }

    private void handle(TypeElement repository) {
        AnnotationMirror mirror = annotations.find(repository, REPOSITORY).orElseThrow();
        String provider = annotations.string(mirror, "provider");
        if (!provider.isEmpty() && !provider.toLowerCase(Locale.ROOT).equals(PROVIDER.toLowerCase(Locale.ROOT))) {
            return;
        }
        if (repository.getKind() != ElementKind.INTERFACE) {
            if (isOurs(entityCandidates(repository, List.of()))) {
                error(repository, "a repository must be an interface, not a " + repository.getKind().toString().toLowerCase(Locale.ROOT));
            }
            return;
        }
        List<RepositoryWriter.RepositoryMethod> methods = abstractMethods(repository);
        Set<TypeElement> entities = entityCandidates(repository, methods);
        if (entities.isEmpty()) {
            // No entity at all: nothing says whose repository it is, but saying nothing would leave an unsatisfied injection point unexplained.
            messager.printMessage(Diagnostic.Kind.WARNING, repository.getQualifiedName()
                    + ": no entity type found (extend DataRepository<Entity, Key>, or give a method an entity parameter"
                    + " or result); no implementation is generated", repository);
            return;
        }
        if (!isOurs(entities)) {
            return;
        }
        if (!repository.getTypeParameters().isEmpty()) {
            error(repository, "a repository interface must not declare type parameters; extend it with the types given");
            return;
        }
        if (!ColumnTypes.isVisibleInPackage(repository)) {
            error(repository, "a repository interface must not be private: its generated class implements it from the same package");
            return;
        }
        RepositoryWriter.RepositorySource source = new RepositoryWriter.RepositorySource(
                repository,
                elements.getPackageOf(repository).getQualifiedName().toString(),
                className(repository),
                annotations.string(mirror, "dataStore"),
                methods);
        try {
            writer.write(source);
        } catch (IOException e) {
            error(repository, "cannot write repository class " + source.qualifiedName() + ": " + e.getMessage());
        }
    }

    /** {@code Heroes_}, or {@code Outer_Heroes_} for an interface nested in {@code Outer}. */
    static String className(TypeElement repository) {
        StringBuilder name = new StringBuilder(repository.getSimpleName()).append('_');
        for (Element e = repository.getEnclosingElement(); e instanceof TypeElement outer; e = outer.getEnclosingElement()) {
            name.insert(0, outer.getSimpleName() + "_");
        }
        return name.toString();
    }

    /**
     * Every abstract method of the repository, its own and inherited, typed as a member of the
     * repository (so {@code findById(K)} of {@code BasicRepository<Hero, Long>} takes a {@code Long}).
     * Default methods stay as written; an inherited method declared twice with the same signature
     * is implemented once.
     */
    private List<RepositoryWriter.RepositoryMethod> abstractMethods(TypeElement repository) {
        DeclaredType site = (DeclaredType) repository.asType();
        Map<String, RepositoryWriter.RepositoryMethod> found = new LinkedHashMap<>();
        for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(repository))) {
            if (!method.getModifiers().contains(Modifier.ABSTRACT) || isObjectMethod(method)) {
                continue;
            }
            ExecutableType type = (ExecutableType) types.asMemberOf(site, method);
            StringJoiner key = new StringJoiner(",", method.getSimpleName() + "(", ")");
            for (TypeMirror parameter : type.getParameterTypes()) {
                key.add(types.erasure(parameter).toString());
            }
            found.putIfAbsent(key.toString(), new RepositoryWriter.RepositoryMethod(method, type));
        }
        return new ArrayList<>(found.values());
    }

    /** Whether {@code method} redeclares a public method of {@code Object}, which the class inherits. */
    private boolean isObjectMethod(ExecutableElement method) {
        TypeElement object = elements.getTypeElement("java.lang.Object");
        for (ExecutableElement candidate : ElementFilter.methodsIn(object.getEnclosedElements())) {
            if (candidate.getModifiers().contains(Modifier.PUBLIC)
                    && candidate.getSimpleName().equals(method.getSimpleName())
                    && candidate.getParameters().size() == method.getParameters().size()) {
                boolean same = true;
                for (int i = 0; i < method.getParameters().size() && same; i++) {
                    same = types.isSameType(types.erasure(candidate.getParameters().get(i).asType()),
                            types.erasure(method.getParameters().get(i).asType()));
                }
                if (same) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The entity types that decide whether the repository is ours: the primary entity type when the
     * repository extends {@code DataRepository}, otherwise the entities its lifecycle methods take
     * and its methods return.
     */
    private Set<TypeElement> entityCandidates(TypeElement repository, List<RepositoryWriter.RepositoryMethod> methods) {
        Set<TypeElement> entities = new LinkedHashSet<>();
        Optional<TypeMirror> primary = primaryEntity(repository.asType(), new LinkedHashSet<>());
        if (primary.isPresent()) {
            collectClasses(primary.get(), entities);
            return entities;
        }
        for (RepositoryWriter.RepositoryMethod method : methods) {
            boolean lifecycle = method.declaration().getAnnotationMirrors().stream()
                    .anyMatch(a -> LIFECYCLE.contains(((TypeElement) a.getAnnotationType().asElement()).getQualifiedName().toString()));
            if (lifecycle) {
                for (TypeMirror parameter : method.type().getParameterTypes()) {
                    collectClasses(parameter, entities);
                }
            }
            collectClasses(method.type().getReturnType(), entities);
        }
        return entities;
    }

    private Optional<TypeMirror> primaryEntity(TypeMirror type, Set<String> seen) {
        for (TypeMirror supertype : types.directSupertypes(type)) {
            if (supertype.getKind() != TypeKind.DECLARED) {
                continue;
            }
            DeclaredType declared = (DeclaredType) supertype;
            TypeElement element = (TypeElement) declared.asElement();
            String name = element.getQualifiedName().toString();
            if (name.equals(DATA_REPOSITORY)) {
                List<? extends TypeMirror> arguments = declared.getTypeArguments();
                return arguments.isEmpty() ? Optional.empty() : Optional.of(arguments.get(0));
            }
            if (seen.add(name)) {
                Optional<TypeMirror> found = primaryEntity(supertype, seen);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** The classes {@code type} is made of: {@code List<Hero>} and {@code Hero[]} give {@code Hero}. */
    private void collectClasses(TypeMirror type, Set<TypeElement> into) {
        switch (type.getKind()) {
            case ARRAY -> collectClasses(((ArrayType) type).getComponentType(), into);
            case DECLARED -> {
                DeclaredType declared = (DeclaredType) type;
                if (declared.getTypeArguments().isEmpty()) {
                    into.add((TypeElement) declared.asElement());
                }
                for (TypeMirror argument : declared.getTypeArguments()) {
                    collectClasses(argument, into);
                }
            }
            case TYPEVAR -> collectClasses(((javax.lang.model.type.TypeVariable) type).getUpperBound(), into);
            case WILDCARD -> {
                TypeMirror bound = ((javax.lang.model.type.WildcardType) type).getExtendsBound();
                if (bound != null) {
                    collectClasses(bound, into);
                }
            }
            default -> {
            }
        }
    }

    private boolean isOurs(Set<TypeElement> entities) {
        for (TypeElement entity : entities) {
            if (annotations.isModel(entity)) {
                return true;
            }
        }
        return false;
    }

    private boolean hasUnresolvedTypes(TypeElement repository) {
        if (repository.getKind() != ElementKind.INTERFACE) {
            return false;
        }
        for (TypeMirror supertype : repository.getInterfaces()) {
            if (supertype.getKind() == TypeKind.ERROR) {
                return true;
            }
        }
        for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(repository))) {
            if (containsError(method.getReturnType())) {
                return true;
            }
            for (VariableElement parameter : method.getParameters()) {
                if (containsError(parameter.asType())) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean containsError(TypeMirror type) {
        return switch (type.getKind()) {
            case ERROR -> true;
            case ARRAY -> containsError(((ArrayType) type).getComponentType());
            case DECLARED -> ((DeclaredType) type).getTypeArguments().stream().anyMatch(this::containsError);
            default -> false;
        };
    }

    private void error(TypeElement repository, String message) {
        messager.printMessage(Diagnostic.Kind.ERROR, repository.getQualifiedName() + ": " + message, repository);
    }
}
