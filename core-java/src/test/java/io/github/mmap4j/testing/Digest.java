package io.github.mmap4j.testing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of a result list, to compare thousands of results with the digest CPython printed for the
 * same loop (each test quotes the Python that produced its digest).
 */
public final class Digest {
  private final StringBuilder joined = new StringBuilder();
  private int count;

  /** Appends one result; results may be empty strings, so count them rather than test length. */
  public void add(Object result) {
    if (count++ > 0) {
      joined.append(',');
    }
    joined.append(result);
  }

  /** Python: {@code hashlib.sha256(','.join(map(str, results)).encode()).hexdigest()}. */
  public String hex() {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of()
          .formatHex(sha.digest(joined.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
