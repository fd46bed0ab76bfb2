package dev.waiver.app.cluster;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.WatchEvent;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.mockwebserver.http.ByteString;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/// The CRUD mock's dispatcher, with a hand on each watch it serves: a test can end a kind's watch from the
/// server side, as an API server or a proxy does, at the moment it chooses. Watches are named by their
/// resource's plural (`policyexceptions`); the latest of each kind is the one acted on.
final class DroppableWatches extends KubernetesCrudDispatcher {

    private final Map<String, WebSocket> open = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> opened = new ConcurrentHashMap<>();

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        MockResponse response = super.dispatch(request);
        String path = request.getPath();
        if (path.contains("watch=true") && response.getWebSocketListener() != null) {
            String plural = plural(path);
            opened.computeIfAbsent(plural, p -> new AtomicInteger()).incrementAndGet();
            response.withWebSocketUpgrade(new Held(plural, response.getWebSocketListener()));
        }
        return response;
    }

    /// How many watches of `plural` the server has accepted.
    int opened(String plural) {
        AtomicInteger count = opened.get(plural);
        return count == null ? 0 : count.get();
    }

    /// Ends the open watch of `plural` normally, as a server ends a long watch.
    void cut(String plural) {
        socket(plural).close(1000, "watch ended by the server");
    }

    /// Sends the open watch of `plural` a 410 Gone, as a server that no longer keeps the version it
    /// started from.
    void expire(String plural, KubernetesSerialization serialization) {
        var gone = new WatchEvent(new StatusBuilder().withCode(410).withReason("Expired")
                .withMessage("too old resource version").build(), "ERROR");
        socket(plural).send(serialization.asJson(gone));
    }

    private WebSocket socket(String plural) {
        WebSocket socket = open.get(plural);
        if (socket == null) {
            throw new IllegalStateException("no watch of " + plural + " is open");
        }
        return socket;
    }

    private static String plural(String path) {
        String resource = path.substring(0, path.indexOf('?'));
        return resource.substring(resource.lastIndexOf('/') + 1);
    }

    /// The CRUD mock's listener of one watch, keeping its socket at hand while it is open.
    private final class Held extends WebSocketListener {
        private final String plural;
        private final WebSocketListener crud;

        Held(String plural, WebSocketListener crud) {
            this.plural = plural;
            this.crud = crud;
        }

        @Override
        public void onBeforeAccept(WebSocket socket, Response response) {
            crud.onBeforeAccept(socket, response);
        }

        @Override
        public void onOpen(WebSocket socket, Response response) {
            open.put(plural, socket);
            crud.onOpen(socket, response);
        }

        @Override
        public void onMessage(WebSocket socket, String text) {
            crud.onMessage(socket, text);
        }

        @Override
        public void onMessage(WebSocket socket, ByteString bytes) {
            crud.onMessage(socket, bytes);
        }

        @Override
        public void onMessage(WebSocket socket, byte[] bytes) {
            crud.onMessage(socket, bytes);
        }

        @Override
        public void onPing(WebSocket socket, byte[] bytes) {
            crud.onPing(socket, bytes);
        }

        @Override
        public void onClosing(WebSocket socket, int code, String reason) {
            open.remove(plural, socket);
            crud.onClosing(socket, code, reason);
        }

        @Override
        public void onClosed(WebSocket socket, int code, String reason) {
            open.remove(plural, socket);
            crud.onClosed(socket, code, reason);
        }

        @Override
        public void onFailure(WebSocket socket, Throwable error, Response response) {
            open.remove(plural, socket);
            crud.onFailure(socket, error, response);
        }
    }
}
