package io.latchkey.resourceserver.servlet;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import io.latchkey.resourceserver.revocation.IssuerMetadata;
import java.net.MalformedURLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * The servlet stack's keys: Nimbus's cached source on the JWKS address found in the issuer's metadata, with
 * refreshes on an unknown {@code kid} rate-limited to {@code minInterval} (Spring's own builder turns the limit off)
 * and the whole set fetched again after {@code keysTtl}.
 */
public final class DiscoveredJwkSource implements JWKSource<SecurityContext> {

    private final IssuerMetadata metadata;
    private final Duration minInterval;
    private final Duration keysTtl;
    private final Duration timeout;
    private volatile @Nullable JWKSource<SecurityContext> delegate;

    public DiscoveredJwkSource(IssuerMetadata metadata, Duration minInterval, Duration keysTtl, Duration timeout) {
        this.metadata = metadata;
        this.minInterval = minInterval;
        this.keysTtl = keysTtl;
        this.timeout = timeout;
    }

    @Override
    public List<JWK> get(JWKSelector selector, @Nullable SecurityContext context) throws KeySourceException {
        return source().get(selector, context);
    }

    private JWKSource<SecurityContext> source() throws KeySourceException {
        JWKSource<SecurityContext> known = delegate;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (delegate == null) {
                try {
                    int millis = (int) timeout.toMillis();
                    delegate = JWKSourceBuilder.<SecurityContext>create(
                                    metadata.jwksUri().get(timeout.toMillis(), TimeUnit.MILLISECONDS).toURL(),
                                    new DefaultResourceRetriever(millis, millis, 512 * 1024))
                            .cache(keysTtl.toMillis(), timeout.toMillis())
                            .rateLimited(minInterval.toMillis())
                            .refreshAheadCache(false)
                            .retrying(false)
                            .build();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new KeySourceException("interrupted while reading the issuer metadata", e);
                } catch (ExecutionException | TimeoutException | MalformedURLException e) {
                    throw new KeySourceException("issuer metadata unavailable: " + e.getMessage(), e);
                }
            }
            return delegate;
        }
    }
}
