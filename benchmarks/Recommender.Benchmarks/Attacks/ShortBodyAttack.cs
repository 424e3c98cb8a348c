using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Recommender.Benchmarks.Attacks;

/// <summary>
/// Over a raw socket: a POST announcing <c>Content-Length: 100</c> that sends 10 bytes of body, then waits for the
/// answer (or, with <c>endEarly</c>, closes its sending side at once, so the body ends short). Reports the status and
/// whether the answer carries a stack trace.
/// </summary>
internal sealed class ShortBodyAttack(string name, bool endEarly) : Attack
{
    private const int Announced = 100;
    private static readonly byte[] Sent = "{\"query\":\""u8.ToArray();

    public override string Name => name;

    public override string Description =>
        $"POST with Content-Length {Announced} and {Sent.Length} bytes of body, then " + (endEarly ? "end of stream" : "wait for the answer");

    public override long RequestBytes => Head("127.0.0.1:0").Length + Sent.Length;

    public override async Task<AttackResult> RunAsync(AttackTarget target, CancellationToken timeout)
    {
        var url = target.GraphQL;
        using var client = new TcpClient();
        await client.ConnectAsync(url.Host.Trim('[', ']'), url.Port, timeout);
        var stream = client.GetStream();
        var head = Head(url.Authority, url.PathAndQuery);
        await stream.WriteAsync(head, timeout);
        await stream.WriteAsync(Sent, timeout);
        if (endEarly)
        {
            client.Client.Shutdown(SocketShutdown.Send);
        }

        HttpAnswer answer;
        try
        {
            answer = await HttpAnswer.ReadAsync(stream, timeout);
        }
        catch (IOException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionReset })
        {
            return new AttackResult(head.Length + Sent.Length, "reset", "-", 0, false, "connection reset without an answer");
        }

        var errors = ResponseErrors.Read(answer.Body, complete: true);
        var note = answer.Status == "closed" ? "connection closed without an answer"
            : answer.StackTrace ? "STACK TRACE in body" : "no stack trace";
        if (errors.Count > 0)
        {
            note += $"; first error: \"{AttackResult.Shorten(errors.FirstMessage)}\"";
        }
        else if (answer.Body.Length > 0)
        {
            note += $"; body starts \"{AttackResult.Shorten(Encoding.UTF8.GetString(answer.Body).ReplaceLineEndings(" "), 80)}\"";
        }

        return new AttackResult(head.Length + Sent.Length, answer.Status, errors.FirstCode ?? "-", answer.Body.Length, false, note);
    }

    private static byte[] Head(string authority, string path = "/graphql") => Encoding.ASCII.GetBytes(string.Create(
        CultureInfo.InvariantCulture,
        $"POST {path} HTTP/1.1\r\nHost: {authority}\r\nContent-Type: application/json\r\n"
        + $"Accept: application/graphql-response+json\r\nContent-Length: {Announced}\r\nConnection: close\r\n\r\n"));
}
