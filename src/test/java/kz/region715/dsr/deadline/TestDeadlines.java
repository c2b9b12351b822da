package kz.region715.dsr.deadline;

import java.net.URI;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;
import kz.region715.dsr.platform.operator.OperatorConfig;

/** Builds the deadline service without the container, as the application would with the given settings. */
final class TestDeadlines {

    static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

    private TestDeadlines() {
    }

    static Deadlines shipped() {
        return with(Optional.empty(), 10);
    }

    static Deadlines with(Optional<Path> dataDir, int accessTargetWorkingDays) {
        DeadlineConfig config = new DeadlineConfig() {
            @Override
            public String defaultJurisdiction() {
                return "KZ";
            }

            @Override
            public int accessTargetWorkingDays() {
                return accessTargetWorkingDays;
            }

            @Override
            public Optional<Path> dataDir() {
                return dataDir;
            }
        };
        OperatorConfig operator = new OperatorConfig() {
            @Override
            public String name() {
                return "Test operator";
            }

            @Override
            public String contactEmail() {
                return "privacy@example.kz";
            }

            @Override
            public URI privacyPolicyUrl() {
                return URI.create("https://example.kz/privacy");
            }

            @Override
            public ZoneId timeZone() {
                return ALMATY;
            }

            @Override
            public Optional<String> bin() {
                return Optional.empty();
            }

            @Override
            public Optional<String> address() {
                return Optional.empty();
            }

            @Override
            public Optional<String> phone() {
                return Optional.empty();
            }
        };
        return new Deadlines(config, operator);
    }
}
