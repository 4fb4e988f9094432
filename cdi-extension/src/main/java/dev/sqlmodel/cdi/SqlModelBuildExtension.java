package dev.sqlmodel.cdi;

import dev.sqlmodel.Database;
import dev.sqlmodel.Engine;
import dev.sqlmodel.Session;
import dev.sqlmodel.StatelessSession;
import dev.sqlmodel.Table;
import dev.sqlmodel.jta.JtaEngines;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.NormalScope;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Stereotype;
import jakarta.enterprise.inject.build.compatible.spi.BeanInfo;
import jakarta.enterprise.inject.build.compatible.spi.BuildCompatibleExtension;
import jakarta.enterprise.inject.build.compatible.spi.ClassConfig;
import jakarta.enterprise.inject.build.compatible.spi.Discovery;
import jakarta.enterprise.inject.build.compatible.spi.Enhancement;
import jakarta.enterprise.inject.build.compatible.spi.InjectionPointInfo;
import jakarta.enterprise.inject.build.compatible.spi.Messages;
import jakarta.enterprise.inject.build.compatible.spi.MetaAnnotations;
import jakarta.enterprise.inject.build.compatible.spi.Parameters;
import jakarta.enterprise.inject.build.compatible.spi.Registration;
import jakarta.enterprise.inject.build.compatible.spi.SkipIfPortableExtensionPresent;
import jakarta.enterprise.inject.build.compatible.spi.Synthesis;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticBeanCreator;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticBeanDisposer;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticComponents;
import jakarta.enterprise.inject.build.compatible.spi.Validation;
import jakarta.enterprise.inject.literal.NamedLiteral;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.lang.model.AnnotationInfo;
import jakarta.enterprise.lang.model.declarations.ClassInfo;
import jakarta.enterprise.lang.model.declarations.FieldInfo;
import jakarta.enterprise.lang.model.declarations.MethodInfo;
import jakarta.enterprise.lang.model.types.Type;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Scope;
import jakarta.validation.ConstraintValidator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The build-compatible (CDI Lite) extension: the same beans and checks as
 * {@link SqlModelExtension}, for containers that run build-compatible extensions only (Quarkus
 * ArC) or translate them (Weld's lite extension translator). Skipped when the portable extension
 * is present, so that the beans are never registered twice.
 */
@SkipIfPortableExtensionPresent(SqlModelExtension.class)
public final class SqlModelBuildExtension implements BuildCompatibleExtension {
    private static final String DATABASE = "dev.sqlmodel.Database";

    private final ModelCatalog catalog = new ModelCatalog();
    private final Set<String> names = new TreeSet<>();
    private final Set<String> injected = new TreeSet<>();
    private final Set<String> dataSources = new TreeSet<>();
    private final RepositoryBeans repositories = new RepositoryBeans();

    /** Created by the container's service loader. */
    public SqlModelBuildExtension() {
    }

    /**
     * Registers {@code @Database} as a qualifier. It is meta-annotated {@code @Qualifier}, but a
     * container that reads annotations from an index of the application (Quarkus ArC) does not see
     * that on a type from a library jar it has not indexed: there {@code @Database("x")} would be
     * ignored at injection points, and every named session would be the default one.
     */
    @Discovery
    public void qualifiers(MetaAnnotations meta) {
        meta.addQualifier(Database.class);
    }

    /** A {@code @Table} type the container discovered. */
    @Enhancement(types = Object.class, withSubtypes = true, withAnnotations = Table.class)
    public void discovered(ClassInfo type) {
        if (type.hasAnnotation(Table.class)) {
            try {
                catalog.add(Class.forName(type.name(), false, loader()));
            } catch (ClassNotFoundException | LinkageError e) {
                // the index or a later check reports what cannot be loaded
            }
        }
    }

    /**
     * Makes a constraint validator with {@code @Inject} members and no scope a {@code @Dependent}
     * bean, so that validation takes it from the container with its injections (CDI Lite has no
     * non-contextual injection; quarkus-hibernate-validator does the same). Every validator that
     * is a bean is also named after its class: validation looks it up at run time, where a
     * container that removes beans nothing injects (Quarkus ArC) cannot see it, and a named bean
     * is never removed.
     */
    @Enhancement(types = ConstraintValidator.class, withSubtypes = true)
    public void validator(ClassConfig config) {
        ClassInfo type = config.info();
        if (type.isInterface() || type.isAbstract()) {
            return;
        }
        boolean bean = hasBeanDefiningAnnotation(type);
        if (!bean && !injects(type)) {
            return; // created plainly, as Hibernate Validator does
        }
        if (!bean) {
            config.addAnnotation(Dependent.class);
        }
        if (!type.hasAnnotation(Named.class)) {
            config.addAnnotation(NamedLiteral.of(type.name()));
        }
    }

    private static boolean injects(ClassInfo type) {
        for (FieldInfo f : type.fields()) {
            if (f.hasAnnotation(Inject.class)) {
                return true;
            }
        }
        for (MethodInfo m : type.methods()) {
            if (m.hasAnnotation(Inject.class)) {
                return true;
            }
        }
        for (MethodInfo c : type.constructors()) {
            if (c.hasAnnotation(Inject.class)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasBeanDefiningAnnotation(ClassInfo type) {
        for (AnnotationInfo a : type.annotations()) {
            ClassInfo declaration = a.declaration();
            if (declaration.hasAnnotation(Scope.class) || declaration.hasAnnotation(NormalScope.class)
                    || declaration.hasAnnotation(Stereotype.class)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The databases a bean injects, the names of {@code @Database DataSource} beans, and the
     * generated Jakarta Data repository classes.
     */
    @Registration(types = Object.class)
    public void bean(BeanInfo bean) {
        if (bean.isClassBean()) {
            List<String> annotated = new ArrayList<>();
            for (ClassInfo type : bean.declaringClass().superInterfacesDeclarations()) {
                if (type.hasAnnotation(a -> RepositoryBeans.REPOSITORY.equals(a.name()))) {
                    annotated.add(type.name());
                }
            }
            repositories.add(bean.declaringClass().name(), annotated);
        }
        for (InjectionPointInfo ip : bean.injectionPoints()) {
            String type = typeName(ip.type());
            if (Session.class.getName().equals(type) || StatelessSession.class.getName().equals(type)
                    || Engine.class.getName().equals(type)) {
                String name = nameOf(ip.qualifiers());
                injected.add(name);
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
        }
        for (Type t : bean.types()) {
            if ("javax.sql.DataSource".equals(typeName(t))) {
                String name = nameOf(bean.qualifiers());
                dataSources.add(name);
                if (!name.isEmpty()) {
                    names.add(name);
                }
                String own = containerName(bean.qualifiers());
                if (own != null) {
                    // the container's datasource of that name serves @Database(name) (Quarkus)
                    dataSources.add(own);
                }
            }
        }
    }

    /** Adds the {@code Engine}, {@code Session} and {@code StatelessSession} beans of each database. */
    @Synthesis
    public void beans(SyntheticComponents components) {
        // before the application's first transaction, which is when Narayana reads it
        JtaEngines.useAgroalLastResources();
        catalog.addIndexed(loader());
        names.addAll(DatabaseConfig.names(Settings.load(loader())));
        Class<?>[] models = catalog.models().toArray(new Class<?>[0]);
        List<String> all = new ArrayList<>();
        all.add("");
        all.addAll(names);
        for (String name : all) {
            components.addBean(Engine.class)
                    .type(Engine.class)
                    .qualifier(Databases.qualifier(name))
                    .qualifier(Any.Literal.INSTANCE)
                    .scope(ApplicationScoped.class)
                    .withParam("database", name)
                    .withParam("models", models)
                    .createWith(EngineCreator.class)
                    .disposeWith(EngineDisposer.class);
            components.addBean(Session.class)
                    .type(Session.class)
                    .qualifier(Databases.qualifier(name))
                    .qualifier(Any.Literal.INSTANCE)
                    .scope(RequestScoped.class)
                    .withParam("database", name)
                    .createWith(SessionCreator.class)
                    .disposeWith(SessionDisposer.class);
            components.addBean(StatelessSession.class)
                    .type(StatelessSession.class)
                    .qualifier(Databases.qualifier(name))
                    .qualifier(Any.Literal.INSTANCE)
                    .scope(RequestScoped.class)
                    .withParam("database", name)
                    .createWith(StatelessCreator.class)
                    .disposeWith(StatelessDisposer.class);
        }
    }

    /**
     * Fails deployment for each invalid model, each injected database that is not configured and
     * each generated repository class whose methods the runtime cannot implement.
     */
    @Validation
    public void check(Messages messages) {
        for (ModelCatalog.Problem problem : catalog.problems()) {
            messages.error(problem.deploymentException());
        }
        repositories.problems(loader()).forEach(messages::error);
        Settings settings = Settings.load(loader());
        for (String name : injected) {
            DatabaseConfig config = DatabaseConfig.read(name, settings);
            boolean bean = dataSources.contains(name);
            if (!bean && !config.configured()) {
                messages.error(new DeploymentException(Databases.notConfigured(name)));
            } else if (config.problem(name, bean) != null) {
                messages.error(new DeploymentException(config.problem(name, bean)));
            }
        }
    }

    private static String nameOf(java.util.Collection<AnnotationInfo> qualifiers) {
        for (AnnotationInfo q : qualifiers) {
            if (DATABASE.equals(q.declaration().name())) {
                return q.value().asString();
            }
        }
        return "";
    }

    /** The name a container's own datasource qualifier gives (Quarkus's {@code @DataSource("x")}), or null. */
    private static String containerName(java.util.Collection<AnnotationInfo> qualifiers) {
        for (AnnotationInfo q : qualifiers) {
            if (ContainerDataSources.QUARKUS_QUALIFIER.equals(q.declaration().name())) {
                return q.value().asString();
            }
        }
        return null;
    }

    private static String typeName(Type type) {
        if (type.isClass()) {
            return type.asClass().declaration().name();
        }
        if (type.isParameterizedType()) {
            String raw = type.asParameterizedType().declaration().name();
            List<Type> args = type.asParameterizedType().typeArguments();
            if (("jakarta.enterprise.inject.Instance".equals(raw) || "jakarta.inject.Provider".equals(raw))
                    && args.size() == 1) {
                return typeName(args.get(0));
            }
        }
        return null;
    }

    private static ClassLoader loader() {
        ClassLoader tccl = Thread.currentThread().getContextClassLoader();
        return tccl != null ? tccl : SqlModelBuildExtension.class.getClassLoader();
    }

    @Override
    public String toString() {
        return "SqlModelBuildExtension[" + catalog + ", databases " + names + "]";
    }

    /** Creates the engine bean of one database. */
    public static final class EngineCreator implements SyntheticBeanCreator<Engine> {
        /** Created by the container. */
        public EngineCreator() {
        }

        /**
         * A new engine for the database named by the {@code database} parameter.
         *
         * @throws dev.sqlmodel.SqlModelException when it is not configured or cannot be reached
         */
        @Override
        public Engine create(Instance<Object> lookup, Parameters params) {
            Class<?>[] models = params.get("models", Class[].class);
            return Databases.openEngine(params.get("database", String.class), Arrays.asList(models), lookup);
        }
    }

    /** Closes the engine bean of one database. */
    public static final class EngineDisposer implements SyntheticBeanDisposer<Engine> {
        /** Created by the container. */
        public EngineDisposer() {
        }

        /** Closes {@code engine} (and the pool it created). */
        @Override
        public void dispose(Engine engine, Instance<Object> lookup, Parameters params) {
            engine.close();
            CdiValidation.uninstall();
        }
    }

    /** Creates the request's session of one database. */
    public static final class SessionCreator implements SyntheticBeanCreator<Session> {
        /** Created by the container. */
        public SessionCreator() {
        }

        /** A new session of the database named by the {@code database} parameter. */
        @Override
        public Session create(Instance<Object> lookup, Parameters params) {
            return Databases.openSession(params.get("database", String.class), lookup);
        }
    }

    /** Closes the request's session of one database when the request ends. */
    public static final class SessionDisposer implements SyntheticBeanDisposer<Session> {
        /** Created by the container. */
        public SessionDisposer() {
        }

        /** Closes {@code session}; under an active JTA transaction its work still completes with it. */
        @Override
        public void dispose(Session session, Instance<Object> lookup, Parameters params) {
            session.close();
        }
    }

    /** Creates the request's stateless session of one database. */
    public static final class StatelessCreator implements SyntheticBeanCreator<StatelessSession> {
        /** Created by the container. */
        public StatelessCreator() {
        }

        /** A new stateless session of the database named by the {@code database} parameter. */
        @Override
        public StatelessSession create(Instance<Object> lookup, Parameters params) {
            return Databases.openStateless(params.get("database", String.class), lookup);
        }
    }

    /** Closes the request's stateless session of one database when the request ends. */
    public static final class StatelessDisposer implements SyntheticBeanDisposer<StatelessSession> {
        /** Created by the container. */
        public StatelessDisposer() {
        }

        /** Closes {@code session}: its open streams and the connection it kept. */
        @Override
        public void dispose(StatelessSession session, Instance<Object> lookup, Parameters params) {
            session.close();
        }
    }
}
