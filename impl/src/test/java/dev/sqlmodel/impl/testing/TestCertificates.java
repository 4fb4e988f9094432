package dev.sqlmodel.impl.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A throw-away certificate authority made with {@code openssl} at test time, and the server
 * certificates it signs. Nothing here is secret or kept: the files live in a directory the
 * caller deletes (usually a {@link TemporaryServer}'s or a JUnit {@code @TempDir}).
 *
 * <p>Keys are EC P-256 (fast to make); certificates are valid for two days.
 */
public final class TestCertificates {
    /** The password of every trust store made here. */
    public static final String TRUST_STORE_PASSWORD = "changeit";

    private final Path dir;
    private final String name;
    private final Path certificate;
    private final Path key;

    private TestCertificates(Path dir, String name) {
        this.dir = dir;
        this.name = name;
        this.certificate = dir.resolve(name + "-ca.crt");
        this.key = dir.resolve(name + "-ca.key");
    }

    /**
     * A new self-signed CA named {@code name}, its files in {@code dir}. Skips the test (JUnit
     * assumption) when {@code openssl} is not installed.
     *
     * @throws IllegalStateException when openssl fails
     */
    public static TestCertificates authority(Path dir, String name) {
        Assumptions.assumeTrue(TemporaryServer.onPath("openssl") != null,
                "openssl is not installed: it makes the test certificates (apt-get install openssl)");
        TestCertificates ca = new TestCertificates(Objects.requireNonNull(dir, "dir"), Objects.requireNonNull(name, "name"));
        ca.openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", ca.key.toString(), "-out", ca.certificate.toString(), "-days", "2",
                "-subj", "/CN=" + name + " test CA",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        return ca;
    }

    /** The CA certificate (PEM), what a client trusts. */
    public Path certificate() {
        return certificate;
    }

    /**
     * A PKCS#12 trust store holding only this CA's certificate, password
     * {@link #TRUST_STORE_PASSWORD} (MySQL Connector/J's {@code trustCertificateKeyStoreUrl}).
     */
    public Path trustStore() {
        Path store = dir.resolve(name + "-trust.p12");
        if (Files.exists(store)) {
            return store;
        }
        try (InputStream in = Files.newInputStream(certificate); OutputStream out = Files.newOutputStream(store)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setCertificateEntry(name + "-ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
            ks.store(out, TRUST_STORE_PASSWORD.toCharArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot write the trust store " + store + ": " + e.getMessage(), e);
        }
        return store;
    }

    /**
     * A server certificate signed by this CA for the host {@code names} (DNS names or IP
     * addresses, all put in the subject alternative names), with its key, as PEM files named
     * after {@code stem}.
     *
     * @throws IllegalStateException when openssl fails
     */
    public ServerCertificate issue(String stem, String... names) {
        Path crt = dir.resolve(stem + ".crt");
        Path k = dir.resolve(stem + ".key");
        Path csr = dir.resolve(stem + ".csr");
        Path ext = dir.resolve(stem + ".ext");
        List<String> san = new ArrayList<>();
        for (String n : names) {
            san.add((n.matches("[0-9.]+") || n.contains(":") ? "IP:" : "DNS:") + n);
        }
        try {
            Files.writeString(ext, "basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\n"
                    + "extendedKeyUsage=serverAuth\nsubjectAltName=" + String.join(",", san) + "\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        openssl("req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", k.toString(), "-out", csr.toString(), "-subj", "/CN=" + names[0]);
        openssl("x509", "-req", "-in", csr.toString(), "-CA", certificate.toString(), "-CAkey", key.toString(),
                "-CAcreateserial", "-out", crt.toString(), "-days", "2", "-extfile", ext.toString());
        return new ServerCertificate(crt, k);
    }

    private void openssl(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add("openssl");
        cmd.addAll(List.of(args));
        try {
            Path log = Files.createTempFile(dir, "openssl", ".log");
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("openssl timed out: " + cmd);
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("openssl failed (exit " + p.exitValue() + "): " + cmd + "\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            Files.deleteIfExists(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running openssl", e);
        }
    }

    @Override
    public String toString() {
        return "TestCertificates[" + name + " in " + dir + "]";
    }

    /** A server's certificate and private key, both PEM files. */
    public record ServerCertificate(Path certificate, Path key) {
    }
}
