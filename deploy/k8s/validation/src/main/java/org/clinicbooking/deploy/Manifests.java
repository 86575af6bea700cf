package org.clinicbooking.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Renders kustomizations with kubectl and reads multi-document YAML into JSON trees. */
public final class Manifests {

    public static final ObjectMapper YAML = new YAMLMapper();
    public static final ObjectMapper JSON = new ObjectMapper();

    private Manifests() {}

    /**
     * Renders the kustomization in the given folder with {@code kubectl kustomize}. The
     * kubectl binary is the KUBECTL environment variable, or kubectl on the PATH.
     *
     * @throws IllegalStateException when kubectl fails, with its error output
     */
    public static List<ObjectNode> render(Path kustomizationDir) {
        String kubectl = Optional.ofNullable(System.getenv("KUBECTL")).orElse("kubectl");
        Path errorFile = null;
        try {
            // Errors go to a file, so that neither pipe can fill up and block kubectl while
            // the output is read.
            errorFile = Files.createTempFile("kustomize", ".err");
            Process process = new ProcessBuilder(kubectl, "kustomize", kustomizationDir.toString())
                    .redirectError(errorFile.toFile())
                    .start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("kubectl kustomize " + kustomizationDir + " timed out after 120 s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("kubectl kustomize " + kustomizationDir + " failed with exit code "
                        + process.exitValue() + ": " + Files.readString(errorFile).strip());
            }
            return parse(new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + kubectl + " kustomize " + kustomizationDir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while rendering " + kustomizationDir, e);
        } finally {
            deleteQuietly(errorFile);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A leftover file in the temporary folder is harmless.
        }
    }

    /** Parses multi-document YAML; empty documents are skipped. */
    public static List<ObjectNode> parse(String yaml) {
        List<ObjectNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> iterator = YAML.readerFor(JsonNode.class)
                .readValues(new YAMLFactory().createParser(yaml))) {
            while (iterator.hasNext()) {
                JsonNode document = iterator.next();
                if (document instanceof ObjectNode object) {
                    documents.add(object);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Invalid YAML", e);
        }
        return documents;
    }

    /** Deep copies of the documents, for tests that break a copy. */
    public static List<ObjectNode> copy(List<ObjectNode> documents) {
        return documents.stream().map(ObjectNode::deepCopy).toList();
    }

    /** "Kind/name" of a document, for messages. */
    public static String describe(JsonNode document) {
        return document.path("kind").asText("?") + "/"
                + document.path("metadata").path("name").asText("?");
    }

    /** Returns the documents of one kind. */
    public static List<ObjectNode> ofKind(List<ObjectNode> documents, String kind) {
        return documents.stream()
                .filter(document -> kind.equals(document.path("kind").asText()))
                .toList();
    }

    /** Finds the document of the given kind and name. */
    public static Optional<ObjectNode> find(List<ObjectNode> documents, String kind, String name) {
        return ofKind(documents, kind).stream()
                .filter(document -> name.equals(document.path("metadata").path("name").asText()))
                .findFirst();
    }
}
