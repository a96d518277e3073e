package io.tenantmq.bench.load;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Finds the repository root, so default paths such as deploy/target/tenantmq.jar work from any working directory. */
final class RepoRoot {
  private RepoRoot() {
  }

  /** Resolves a relative path against the repository root; an absolute path is returned as is. */
  static Path resolve(Path path) {
    return path.isAbsolute() ? path : locate().resolve(path).normalize();
  }

  /**
   * The nearest directory above the bench jar (normally {@code <root>/bench/target/}), else above the working directory,
   * that holds the reactor pom and the bench module. Falls back to the working directory.
   */
  static Path locate() {
    List<Path> starts = new ArrayList<>();
    try {
      starts.add(Path.of(RepoRoot.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
    } catch (URISyntaxException | SecurityException | NullPointerException e) {
      // no code source (unusual class loader): the working directory still works
    }
    Path workingDir = Path.of("").toAbsolutePath();
    starts.add(workingDir);
    for (Path start : starts) {
      for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
        if (isRoot(dir)) {
          return dir;
        }
      }
    }
    return workingDir;
  }

  static boolean isRoot(Path dir) {
    return Files.isRegularFile(dir.resolve("pom.xml")) && Files.isRegularFile(dir.resolve("bench/pom.xml"));
  }
}
