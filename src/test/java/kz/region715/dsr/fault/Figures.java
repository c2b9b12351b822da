package kz.region715.dsr.fault;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;

/** A scenario's figures: printed, and appended to target/fault-logs/figures.txt. */
final class Figures {

    private final String scenario;

    Figures(String scenario) {
        this.scenario = scenario;
    }

    void print(String format, Object... args) {
        String line = "[fault] " + scenario + ": " + format.formatted(args);
        System.out.println(line);
        try {
            Files.createDirectories(App.LOGS);
            Files.writeString(App.LOGS.resolve("figures.txt"), line + System.lineSeparator(),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.err.println("[fault] figures not saved: " + e);
        }
    }
}
