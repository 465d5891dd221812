package dev.vectorizer.adapter.rest;

import dev.vectorizer.application.port.in.CreateBackupUseCase;
import dev.vectorizer.application.port.in.DeleteBackupUseCase;
import dev.vectorizer.application.port.in.DownloadBackupQuery;
import dev.vectorizer.application.port.in.GetBackupQuery;
import dev.vectorizer.application.port.in.ListBackupsQuery;
import dev.vectorizer.application.port.in.RestoreBackupUseCase;
import dev.vectorizer.application.port.in.UploadBackupUseCase;
import dev.vectorizer.domain.json.ErrorType;
import dev.vectorizer.adapter.rest.problem.Problem;
import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.backup.Backup;
import dev.vectorizer.domain.backup.BackupId;
import dev.vectorizer.domain.backup.RestoreRequest;
import dev.vectorizer.domain.json.BackupJson;
import dev.vectorizer.domain.json.JsonFields;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A tenant's backups ({@code /api/hub/backups}): create (202, it runs in the background), list, get,
 * delete, download (streamed, with ranges), restore, upload (a raw {@code application/gzip} body or
 * the {@code file} part of a form).
 */
@Path("api/hub/backups")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class BackupsResource {

    /** The header carrying an archive's SHA-256 (hex), on downloads and, optionally, uploads. */
    public static final String SHA256_HEADER = "X-Backup-SHA256";

    @Inject
    CurrentCaller caller;
    @Inject
    CreateBackupUseCase create;
    @Inject
    ListBackupsQuery list;
    @Inject
    GetBackupQuery get;
    @Inject
    DeleteBackupUseCase delete;
    @Inject
    RestoreBackupUseCase restore;
    @Inject
    UploadBackupUseCase upload;
    @Inject
    DownloadBackupQuery download;

    @GET
    public Map<String, Object> list() {
        return BackupJson.list(list.list(caller.tenant()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(JsonFields body) {
        Backup backup = create.create(caller.tenant(), BackupJson.name(body), BackupJson.collections(body));
        return Response.accepted(BackupJson.write(backup)).location(location(backup)).build();
    }

    @GET
    @Path("{id}")
    public Map<String, Object> get(@PathParam("id") String id) {
        return BackupJson.write(get.get(caller.tenant(), BackupId.named(id)));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        delete.delete(caller.tenant(), BackupId.named(id));
        return Response.noContent().build();
    }

    /**
     * The archive, streamed from the store, with its length, its SHA-256 ({@value #SHA256_HEADER} and
     * {@code Repr-Digest}) and one byte range if asked for.
     */
    @GET
    @Path("{id}/download")
    @Produces({"application/gzip", MediaType.APPLICATION_JSON})
    public Response download(@PathParam("id") String id, @HeaderParam("Range") String range) {
        DownloadBackupQuery.Download archive = download.download(caller.tenant(), BackupId.named(id));
        Backup backup = archive.backup();
        long size = backup.sizeBytes();
        String sha256 = backup.sha256().orElseThrow();
        Optional<ByteRange> part = ByteRange.parse(range, size);
        if (part.filter(r -> r == ByteRange.UNSATISFIABLE).isPresent()) {
            return Problem.of(ErrorType.RANGE_NOT_SATISFIABLE, "the archive has " + size + " bytes")
                    .header("Content-Range", "bytes */" + size).build();
        }
        ByteRange sent = part.orElse(new ByteRange(0, size - 1));
        StreamingOutput body = out -> {
            try (InputStream in = archive.content().open(sent.first())) {
                copy(in, out, sent.length());
            }
        };
        Response.ResponseBuilder answer = Response.status(part.isPresent() ? Response.Status.PARTIAL_CONTENT : Response.Status.OK)
                .entity(body).type("application/gzip")
                .header(HttpHeaders.CONTENT_LENGTH, sent.length())
                .header("Accept-Ranges", "bytes")
                .header(SHA256_HEADER, sha256)
                .header("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256)) + ":")
                .header(HttpHeaders.ETAG, "\"" + sha256 + "\"")
                .header("Content-Disposition", "attachment; filename=\"backup-" + backup.id() + ".tar.gz\"");
        part.ifPresent(r -> answer.header("Content-Range", "bytes " + r.first() + "-" + r.last() + "/" + size));
        return answer.build();
    }

    private static void copy(InputStream in, OutputStream out, long length) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long left = length;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new IOException("the archive ended " + left + " bytes early");
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }

    @POST
    @Path("restore")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> restore(JsonFields body) {
        RestoreRequest request = BackupJson.restore(body);
        return BackupJson.restored(request.backup(), restore.restore(caller.tenant(), request));
    }

    @POST
    @Path("upload")
    @Consumes({"application/gzip", "application/x-gzip", MediaType.APPLICATION_OCTET_STREAM})
    @LargeBody
    public Response uploadRaw(InputStream body, @HeaderParam(HttpHeaders.CONTENT_LENGTH) String length,
            @HeaderParam(SHA256_HEADER) String sha256, @QueryParam("name") String name) {
        return uploaded(upload.upload(caller.tenant(), new UploadBackupUseCase.Upload(body, declared(length),
                Optional.ofNullable(sha256), Optional.ofNullable(name))));
    }

    /** The form's {@code file} part is the archive; optional {@code sha256} and {@code name} fields. */
    @POST
    @Path("upload")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @LargeBody
    public Response uploadForm(List<EntityPart> parts) {
        EntityPart file = part(parts, "file").orElseThrow(() -> new InvalidValueException("the form needs a 'file' part holding the archive"));
        try (InputStream archive = file.getContent()) {
            return uploaded(upload.upload(caller.tenant(), new UploadBackupUseCase.Upload(archive, OptionalLong.empty(),
                    field(parts, "sha256"), field(parts, "name"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<EntityPart> part(List<EntityPart> parts, String name) {
        return parts.stream().filter(p -> name.equals(p.getName())).findFirst();
    }

    private static Optional<String> field(List<EntityPart> parts, String name) {
        return part(parts, name).map(p -> {
            try {
                return p.getContent(String.class);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static OptionalLong declared(String length) {
        try {
            return length == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(length.strip()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static Response uploaded(Backup backup) {
        return Response.created(location(backup)).entity(BackupJson.write(backup)).build();
    }

    private static java.net.URI location(Backup backup) {
        return UriBuilder.fromPath("/api/hub/backups/{id}").build(backup.id().value());
    }
}
