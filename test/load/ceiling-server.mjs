// The ceiling of the catalog benchmark: a bare node:http server that answers each path with a
// fixed JSON body (the bytes the API sent for that scenario). It runs as a child process of the
// bench so that it does not share an event loop with autocannon; the bodies come over IPC.
import { createServer } from 'node:http';

// The bench is gone (even killed): so is its ceiling.
process.on('disconnect', () => process.exit(0));
process.on('SIGTERM', () => process.exit(0));

process.once('message', ({ bodies }) => {
  const routes = new Map(Object.entries(bodies).map(([path, base64]) => [path, Buffer.from(base64, 'base64')]));
  const server = createServer((request, response) => {
    const body = routes.get(request.url);
    if (!body) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length });
    response.end(body);
  });
  server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
});
