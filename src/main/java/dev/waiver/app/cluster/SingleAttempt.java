package dev.waiver.app.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.RequestConfigBuilder;

/// A view of a client that sends each request once. fabric8 otherwise repeats a request up to ten times
/// with growing pauses on I/O errors and 5xx answers: wrong for writes (a repeated write whose first
/// attempt landed looks like a conflict with ourselves) and too slow for the quick questions asked
/// before a write. Its 401 retry after refreshing credentials is an interceptor and stays.
/// The view shares the client's connections; closing the client closes it.
final class SingleAttempt {

    private SingleAttempt() {
    }

    static KubernetesClient of(KubernetesClient client) {
        var requests = new RequestConfigBuilder(client.getConfiguration().getRequestConfig())
                .withRequestRetryBackoffLimit(0).build();
        return client.newClient(requests).adapt(KubernetesClient.class);
    }
}
