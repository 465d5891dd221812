package dev.vectorizer.adapter.rest.edge;

import dev.vectorizer.domain.json.ErrorType;
import dev.vectorizer.domain.json.RefusalJson;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Logger;

/**
 * The web application's error page: an answer the servlet container produces itself, outside JAX-RS
 * (a header JAX-RS cannot parse, a request the container refuses, an exception in the container),
 * becomes a problem document with the API's security headers, like every answer of JAX-RS; never a
 * stack trace. A request refused only for a colon in its path is served by JAX-RS ({@link ColonPaths}).
 */
public class ContainerErrorServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ContainerErrorServlet.class.getName());

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        if (request.getDispatcherType() != DispatcherType.ERROR) { // asked for by its path: an unknown route like any other
            JaxRsDispatch.forward(getServletContext(), request, request.getRequestURI(), response);
            return;
        }
        String uri = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 500;
        if (ColonPaths.refusedForTheColon(request, status)) {
            JaxRsDispatch.forward(getServletContext(), request, uri, response);
            return;
        }
        String route = request.getMethod() + " " + uri;
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure) {
            ProblemAnswer.write(response, 500, ErrorType.INTERNAL_ERROR, RefusalJson.incident(failure, LOG, "the container at " + route));
            return;
        }
        Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        ProblemAnswer.refusal(response, status, route, message == null ? null : message.toString());
    }
}
