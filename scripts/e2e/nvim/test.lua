-- Neovim's own LSP client (Debian's neovim 0.7) against the standalone server over stdio:
-- diagnostics on the flawed example, a hover, and a quick fix applied through Neovim.
--   DX_SERVER=server/bin/dockerfile-explained-server.js DX_FIXTURE=<copy of examples/Dockerfile.flawed> \
--     nvim --headless --clean -c 'luafile scripts/e2e/nvim/test.lua'
-- Prints each check and 'N passed, N failed'; exits non-zero when a check fails.
local server = assert(os.getenv('DX_SERVER'), 'DX_SERVER names the server binary')
local fixture = assert(os.getenv('DX_FIXTURE'), 'DX_FIXTURE names the Dockerfile to open')
local TIMEOUT = 20000

local passed, failed = 0, 0
local function out(line)
  io.stdout:write(line .. '\n')
end

local function check(name, fn)
  local ok, err = pcall(fn)
  if ok then
    passed = passed + 1
    out('  ok    ' .. name)
  else
    failed = failed + 1
    out('  FAIL  ' .. name .. '\n        ' .. tostring(err))
  end
end

local function equal(actual, expected, what)
  if not vim.deep_equal(actual, expected) then
    error(string.format('%s\n        expected: %s\n        actual:   %s', what, vim.inspect(expected), vim.inspect(actual)), 2)
  end
end

local bufnr, client_id

-- Diagnostics as `line:col-line:col CODE` (1-based, end exclusive), in position order.
local function rendered()
  local list = vim.diagnostic.get(bufnr)
  table.sort(list, function(a, b)
    if a.lnum ~= b.lnum then return a.lnum < b.lnum end
    if a.col ~= b.col then return a.col < b.col end
    return tostring(a.code) < tostring(b.code)
  end)
  return vim.tbl_map(function(d)
    return string.format('%d:%d-%d:%d %s', d.lnum + 1, d.col + 1, d.end_lnum + 1, d.end_col + 1, d.code)
  end, list)
end

local function has(code)
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.code == code then return true end
  end
  return false
end

local function request(method, params)
  local response, err = vim.lsp.get_client_by_id(client_id).request_sync(method, params, TIMEOUT, bufnr)
  assert(response, method .. ': ' .. tostring(err))
  assert(not response.err, method .. ': ' .. vim.inspect(response.err))
  return response.result
end

local function main()
  vim.cmd('edit ' .. vim.fn.fnameescape(fixture))
  bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].filetype = 'dockerfile'
  client_id = vim.lsp.start_client({
    name = 'dockerfile-explained',
    cmd = { 'node', server, '--stdio' },
    root_dir = vim.fn.fnamemodify(fixture, ':p:h'),
    settings = { dockerfileExplained = { rules = { DL3059 = 'off' } } },
    -- Neovim 0.7 does not offer workspace/configuration: push the settings, as nvim-lspconfig does.
    on_init = function(client)
      client.notify('workspace/didChangeConfiguration', { settings = client.config.settings })
    end,
  })
  assert(client_id, 'the server did not start')
  vim.lsp.buf_attach_client(bufnr, client_id)

  check('diagnostics with their codes and exact ranges (DL3059 off by settings)', function()
    local expected = {
      '3:6-3:19 DL3007',
      '3:6-3:19 DX1001',
      '3:6-3:19 DX1003',
      '4:1-4:11 DL4000',
      '9:5-9:19 DL3009',
      '10:5-10:20 DL3015',
      '10:24-10:33 DL3008',
      '10:34-10:37 DL3008',
      '12:6-12:7 DX1004',
      '13:5-13:16 DL3042',
      '16:5-16:50 DL3025',
      '16:5-16:14 DX1002',
      '16:5-16:50 JSONArgsRecommended',
    }
    vim.wait(TIMEOUT, function() return vim.deep_equal(rendered(), expected) end, 20)
    equal(rendered(), expected, 'diagnostics')
  end)

  check('hover on apt-get inside RUN and on the image', function()
    local h = request('textDocument/hover', { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = 9, character = 6 } })
    assert(h and h.contents.kind == 'markdown', 'markdown hover: ' .. vim.inspect(h))
    -- The warning on the command comes first, then what the command does.
    assert(h.contents.value:find('^%*%*DL3015%*%*'), h.contents.value)
    assert(h.contents.value:find('\n%*%*apt%-get%*%*\n'), h.contents.value)
    local image = request('textDocument/hover', { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = 2, character = 8 } })
    assert(image.contents.value:find('\n%*%*`python:latest`%*%* · base image\n'), image.contents.value)
  end)

  check('code action on DL3015: the preferred fix first, applied, and the warning goes', function()
    -- What :lua vim.lsp.buf.code_action() sends: the line's diagnostics, back in LSP form.
    local line = vim.tbl_filter(function(d) return d.code == 'DL3015' end, vim.lsp.diagnostic.get_line_diagnostics(bufnr, 9))
    equal(#line, 1, 'one DL3015 on line 10')
    local actions = request('textDocument/codeAction', {
      textDocument = { uri = vim.uri_from_bufnr(bufnr) },
      range = line[1].range,
      context = { diagnostics = line },
    })
    equal(vim.tbl_map(function(a) return a.title end, actions), {
      'Add --no-install-recommends (review)',
      'Ignore DL3015 on this line',
      'Ignore DL3015 in this file',
      'Show documentation for DL3015',
    }, 'actions')
    assert(actions[1].isPreferred, 'the first action is the preferred one')
    vim.lsp.util.apply_workspace_edit(actions[1].edit, vim.lsp.get_client_by_id(client_id).offset_encoding)
    equal(vim.api.nvim_buf_get_lines(bufnr, 9, 10, true)[1], 'RUN apt-get install --no-install-recommends -y libpq-dev gcc', 'line 10')
    assert(vim.wait(TIMEOUT, function() return not has('DL3015') end, 20), 'DL3015 still there: ' .. vim.inspect(rendered()))
    assert(has('DL3008'), 'the other findings stay')
  end)
end

local ok, err = pcall(main)
if not ok then
  failed = failed + 1
  out('  FAIL  ' .. tostring(err))
end
out(string.format('%d passed, %d failed', passed, failed))
if client_id then vim.lsp.stop_client(client_id) end
if failed > 0 then vim.cmd('cquit 1') else vim.cmd('qa!') end
