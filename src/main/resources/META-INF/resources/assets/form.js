/* The request form: shows the fields a request type needs, files it through the public API, shows errors by field. */
(function () {
  'use strict';
  var DSR = window.DSR;
  var form, errors = [], changeOrder = [], idempotency = null, lastProblem = null;

  function value(id) {
    var el = document.getElementById(id);
    return el ? el.value.trim() : '';
  }

  function checked(name) {
    return Array.prototype.map.call(form.querySelectorAll('input[name="' + name + '"]:checked'), function (el) {
      return el.value;
    });
  }

  function selectedType() {
    return checked('type')[0] || null;
  }

  /** Shows only the details of the chosen type, and within them only what the choices make relevant. */
  function showApplicable() {
    var type = selectedType();
    form.querySelectorAll('.details').forEach(function (block) {
      block.hidden = block.dataset.type !== type;
    });
    form.querySelectorAll('input[name="correct"]').forEach(function (box) {
      document.getElementById('change-' + box.value).hidden = !box.checked;
    });
    document.getElementById('withdrawal-purposes').hidden = checked('withdrawal-scope')[0] !== 'PURPOSES';
    document.getElementById('deletion-sources').hidden = checked('deletion-scope')[0] !== 'SOURCES';
  }

  /** The API's request body from what is typed; only the block of the chosen type. */
  function body() {
    var type = selectedType();
    var request = { type: type, email: value('email'), name: value('name'), locale: DSR.lang };
    if (value('phone')) {
      request.phone = value('phone');
    }
    changeOrder = [];
    if (type === 'CORRECTION') {
      changeOrder = checked('correct');
      request.correction = {
        changes: changeOrder.map(function (field) { return { field: field, newValue: value('new-' + field) }; }),
        explanation: value('correction-explanation')
      };
    } else if (type === 'RESTRICTION') {
      request.restriction = { reason: value('restriction-reason') };
    } else if (type === 'WITHDRAWAL') {
      var withdrawal = checked('withdrawal-scope')[0];
      request.withdrawal = { scope: withdrawal };
      if (withdrawal === 'PURPOSES') {
        request.withdrawal.purposes = checked('purpose');
      }
    } else if (type === 'DELETION') {
      var deletion = checked('deletion-scope')[0];
      request.deletion = { scope: deletion };
      if (deletion === 'SOURCES') {
        request.deletion.sources = checked('source');
      }
    }
    return request;
  }

  /**
   * Where an API field error belongs on the page: the id of the field or group,
   * and the key of its message (empty fields are asked for, others corrected).
   */
  function place(field) {
    var change = /^correction\.changes\[(\d+)\]\.(newValue|field)$/.exec(field);
    if (change) {
      var name = changeOrder[parseInt(change[1], 10)];
      if (change[2] === 'newValue' && name) {
        var id = 'new-' + name;
        return { id: id, key: 'error.new.' + name + (value(id) ? '.invalid' : '.required') };
      }
      return { id: 'correction-fields', key: 'error.correction.changes' };
    }
    var simple = {
      'type': { id: 'type', key: 'error.type' },
      'name': { id: 'name', key: 'error.name' },
      'email': { id: 'email', key: 'error.email' },
      'phone': { id: 'phone', key: 'error.phone.invalid' },
      'correction': { id: 'correction-fields', key: 'error.correction.changes' },
      'correction.changes': { id: 'correction-fields', key: 'error.correction.changes' },
      'correction.explanation': { id: 'correction-explanation', key: 'error.correction.explanation' },
      'restriction': { id: 'restriction-reason', key: 'error.restriction.reason' },
      'restriction.reason': { id: 'restriction-reason', key: 'error.restriction.reason' },
      'withdrawal': { id: 'withdrawal-scope', key: 'error.withdrawal.scope' },
      'withdrawal.scope': { id: 'withdrawal-scope', key: 'error.withdrawal.scope' },
      'withdrawal.purposes': { id: 'withdrawal-purposes', key: 'error.withdrawal.purposes' },
      'deletion': { id: 'deletion-scope', key: 'error.deletion.scope' },
      'deletion.scope': { id: 'deletion-scope', key: 'error.deletion.scope' },
      'deletion.sources': { id: 'deletion-sources', key: 'error.deletion.sources' }
    }[field];
    if (!simple) {
      return null;
    }
    if (simple.id === 'name' || simple.id === 'email' || simple.id === 'correction-explanation'
        || simple.id === 'restriction-reason') {
      return { id: simple.id, key: simple.key + (value(simple.id) ? '.invalid' : '.required') };
    }
    return simple;
  }

  /** The first focusable control of a field or group. */
  function focusTarget(id) {
    var el = document.getElementById(id);
    if (el && el.matches('input, textarea, select')) {
      return el;
    }
    return el ? el.querySelector('input:not([type=hidden]), textarea') : null;
  }

  /** Draws the current errors (again, after a language switch) next to their fields and in the summary. */
  function drawErrors(focus) {
    DSR.clearFieldErrors(form);
    var summary = document.getElementById('error-summary');
    var list = document.getElementById('error-list');
    list.textContent = '';
    errors.forEach(function (error) {
      var message = DSR.t(error.key);
      DSR.showFieldError(error.id, message);
      var item = document.createElement('li');
      var link = document.createElement('a');
      link.href = '#' + error.id;
      link.textContent = message;
      link.addEventListener('click', function (event) {
        event.preventDefault();
        var target = focusTarget(error.id);
        if (target) {
          target.focus();
        }
      });
      item.appendChild(link);
      list.appendChild(item);
    });
    summary.hidden = errors.length === 0;
    if (focus && errors.length > 0) {
      summary.focus();
    }
  }

  /** A problem with the whole submission (limits, outages), or none. */
  function showProblem(result) {
    lastProblem = result;
    var problem = document.getElementById('form-problem');
    problem.textContent = result ? DSR.generalProblem(result) : '';
    problem.hidden = !result;
  }

  function submitted(result) {
    document.getElementById('reference').textContent = result.body.reference;
    var codeLink = document.getElementById('code-link');
    codeLink.setAttribute('href', DSR.pageUrl('/verify', 'request=' + result.body.id));
    form.hidden = true;
    document.getElementById('error-summary').hidden = true;
    document.querySelector('.lead').hidden = true;
    DSR.reveal(document.getElementById('confirmation'), true);
    window.scrollTo(0, 0);
  }

  function submit(event) {
    event.preventDefault();
    var button = document.getElementById('submit');
    if (button.disabled) {
      return;
    }
    var request = body();
    errors = [];
    showProblem(null);
    if (!request.type) {
      errors = [{ id: 'type', key: 'error.type' }];
      drawErrors(true);
      return;
    }
    // The same key while the same request is retried (a lost answer, a double click): it is filed once.
    var fingerprint = JSON.stringify(request);
    if (!idempotency || idempotency.fingerprint !== fingerprint) {
      idempotency = { fingerprint: fingerprint, key: newKey() };
    }
    button.disabled = true;
    button.setAttribute('aria-busy', 'true');
    DSR.api('POST', '/api/v1/requests', request, { 'Idempotency-Key': idempotency.key }).then(function (result) {
      button.disabled = false;
      button.removeAttribute('aria-busy');
      if (result.status === 202 && result.body) {
        submitted(result);
        return;
      }
      var fieldErrors = result.status === 400 && result.body && result.body.errors ? result.body.errors : [];
      var seen = {};
      fieldErrors.forEach(function (error) {
        var where = place(error.field);
        if (where && !seen[where.id]) {
          seen[where.id] = true;
          errors.push(where);
        }
      });
      // In the order of the page, as a person reads it
      errors.sort(function (a, b) {
        var first = document.getElementById(a.id), second = document.getElementById(b.id);
        return first.compareDocumentPosition(second) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
      });
      drawErrors(true);
      if (errors.length === 0) {
        showProblem(result);
        document.getElementById('form-problem').focus();
      }
    });
  }

  function newKey() {
    if (window.crypto && crypto.randomUUID) {
      return crypto.randomUUID();
    }
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
  }

  document.addEventListener('DOMContentLoaded', function () {
    form = document.getElementById('request-form');
    document.getElementById('form-problem').setAttribute('tabindex', '-1');
    form.addEventListener('change', showApplicable);
    form.addEventListener('submit', submit);
    showApplicable();
    DSR.onLanguage(function () {
      drawErrors(false);
      showProblem(lastProblem);
    });
  });
}());
