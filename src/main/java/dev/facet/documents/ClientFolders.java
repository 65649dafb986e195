package dev.facet.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.jboss.logging.Logger;

/**
 * The app's copy of {@code clients/<client>/}, which the build puts under {@code facet/clients/}: each client's
 * {@code *.graphql} operations, listed from the app's own classes (a directory, or the jar in a prod build), and its
 * Apollo persisted-query manifest, {@code persisted-query-manifest.json} (the name Apollo's generator writes). The
 * manifest has a fixed name so that it is found through the class loader — every class-path root may hold one,
 * which lets the tests' resources add a manifest without adding operations to the app.
 */
final class ClientFolders {

    static final String LOCATION = "facet/clients/";
    static final String MANIFEST = "persisted-query-manifest.json";
    private static final Logger LOG = Logger.getLogger(ClientFolders.class);

    /** One file of {@code clients/}: its path there ({@code <client>/<file>}) and its text. */
    record ClientFile(String path, String text) {

        String client() {
            return path.substring(0, path.indexOf('/'));
        }

        boolean isManifest() {
            return path.endsWith("/" + MANIFEST);
        }
    }

    private ClientFolders() {
    }

    /** The clients' operation files, sorted by path, then their manifests. */
    static List<ClientFile> read(Collection<String> clients) {
        List<ClientFile> files = new ArrayList<>(operations());
        files.sort(Comparator.comparing(ClientFile::path));
        files.addAll(manifests(clients));
        return files;
    }

    private static List<ClientFile> operations() {
        List<ClientFile> files = new ArrayList<>();
        try {
            Path classes = Path.of(ClientFolders.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(classes)) {
                Path root = classes.resolve(LOCATION);
                if (Files.isDirectory(root)) {
                    try (Stream<Path> paths = Files.walk(root)) {
                        for (Path path : paths.filter(p -> p.toString().endsWith(".graphql")).toList()) {
                            files.add(new ClientFile(root.relativize(path).toString().replace('\\', '/'),
                                    Files.readString(path)));
                        }
                    }
                }
            } else {
                try (JarFile jar = new JarFile(classes.toFile())) {
                    for (JarEntry entry : Collections.list(jar.entries())) {
                        if (entry.getName().startsWith(LOCATION) && entry.getName().endsWith(".graphql")) {
                            try (InputStream in = jar.getInputStream(entry)) {
                                files.add(new ClientFile(entry.getName().substring(LOCATION.length()),
                                        new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                            }
                        }
                    }
                }
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        } catch (URISyntaxException | RuntimeException unknownLocation) {
            LOG.warnf("Cannot find the registered operations (%s); none are registered", unknownLocation);
        }
        return files;
    }

    private static List<ClientFile> manifests(Collection<String> clients) {
        List<ClientFile> files = new ArrayList<>();
        ClassLoader loader = ClientFolders.class.getClassLoader();
        for (String client : clients.stream().sorted().toList()) {
            String path = client + "/" + MANIFEST;
            try {
                for (URL manifest : Collections.list(loader.getResources(LOCATION + path))) {
                    try (InputStream in = manifest.openStream()) {
                        files.add(new ClientFile(path, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                    }
                }
            } catch (IOException unreadable) {
                throw new UncheckedIOException(unreadable);
            }
        }
        return files;
    }
}
