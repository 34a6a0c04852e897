package chibo.platform.access;

import java.util.List;

/**
 * What one request read, before it takes its place in the chain.
 *
 * @param who     the token's subject
 * @param org     the token's organisation, or null
 * @param subject the person or subject the path names, or null
 * @param persons further people the answer named (a roster's members), in its order
 * @param purpose the {@code Purpose} header as kept ({@link Purposes}), or null
 */
public record AccessRead(String who, List<String> roles, String org, String method, String path, String query,
                         String subject, List<String> persons, int status, String purpose) {

    public AccessRead {
        roles = List.copyOf(roles);
        persons = List.copyOf(persons);
    }
}
