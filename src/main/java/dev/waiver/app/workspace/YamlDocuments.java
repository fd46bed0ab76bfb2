package dev.waiver.app.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.yaml.YAMLMapper;

/// Reads YAML files into plain Java trees (`Map`, `List`, scalars) that the engine understands.
public final class YamlDocuments {

    private static final YAMLMapper MAPPER = YAMLMapper.builder().build();

    private YamlDocuments() {
    }

    public static LoadResult readPaths(List<Path> paths) {
        var docs = new ArrayList<SourcedDocument>();
        var problems = new ArrayList<LoadProblem>();
        for (Path path : paths) {
            try (var files = Files.isDirectory(path) ? Files.walk(path) : java.util.stream.Stream.of(path)) {
                for (Path file : files.filter(f -> Files.isRegularFile(f) && f.toString().matches("(?i).*\\.ya?ml")).sorted().toList()) {
                    var part = readFile(file);
                    docs.addAll(part.documents());
                    problems.addAll(part.problems());
                }
            } catch (IOException e) {
                problems.add(new LoadProblem(path.toString(), 0, "no such file or folder"));
            }
        }
        return new LoadResult(List.copyOf(docs), List.copyOf(problems));
    }

    public static LoadResult readText(String text, String name) {
        var docs = new ArrayList<SourcedDocument>();
        var problems = new ArrayList<LoadProblem>();
        try {
            try (MappingIterator<Object> it = MAPPER.readerFor(Object.class).readValues(text)) {
                while (it.hasNextValue()) {
                    Object value = it.nextValue();
                    if (value instanceof Map<?, ?> map) {
                        @SuppressWarnings("unchecked")
                        var tree = (Map<String, Object>) map;
                        docs.add(new SourcedDocument(name, 1, tree));
                    }
                }
            }
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            problems.add(new LoadProblem(name, line, e.getOriginalMessage()));
        }
        return new LoadResult(List.copyOf(docs), List.copyOf(problems));
    }

    public static LoadResult readFile(Path file) {
        var docs = new ArrayList<SourcedDocument>();
        var problems = new ArrayList<LoadProblem>();
        try {
            String text = Files.readString(file);
            try (MappingIterator<Object> it = MAPPER.readerFor(Object.class).readValues(text)) {
                while (it.hasNextValue()) {
                    Object value = it.nextValue();
                    if (value instanceof Map<?, ?> map) {
                        @SuppressWarnings("unchecked")
                        var tree = (Map<String, Object>) map;
                        docs.add(new SourcedDocument(file.toString(), 1, tree));
                    }
                }
            }
        } catch (IOException e) {
            problems.add(new LoadProblem(file.toString(), 0, "cannot read file: " + e.getMessage()));
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            problems.add(new LoadProblem(file.toString(), line, e.getOriginalMessage()));
        }
        return new LoadResult(List.copyOf(docs), List.copyOf(problems));
    }
}
