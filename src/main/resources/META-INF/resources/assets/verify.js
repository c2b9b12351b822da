/*
 * The target of the verification link: verifies with the token from the
 * fragment, or with the six-digit code typed in; explains expired and used
 * links and offers a new e-mail.
 */
(function () {
  'use strict';
  var DSR = window.DSR;
  var requestId = null;
  var state = null; // what is on screen, redrawn when the language changes
  var statusLink = null;

  function el(id) {
    return document.getElementById(id);
  }

  function hideAll() {
    ['verify-progress', 'verify-done', 'verify-problem', 'code-form', 'resend', 'verify-missing'].forEach(function (id) {
      el(id).hidden = true;
    });
    statusLink.show(false);
  }

  /** Draws {@code state}: {view, problem?, params?, attemptsLeft?, resent?}. */
  function draw(focus) {
    hideAll();
    DSR.clearFieldErrors(el('code-form'));
    var s = state;
    if (s.result) {
      s.params = Object.assign({}, s.params, { message: DSR.generalProblem(s.result) });
    }
    if (s.view === 'checking') {
      el('verify-progress').hidden = false;
      return;
    }
    if (s.view === 'done') {
      el('verify-reference').textContent = s.reference;
      DSR.reveal(el('verify-done'), focus);
      return;
    }
    if (s.view === 'missing') {
      el('verify-missing').hidden = false;
      return;
    }
    if (s.problem) {
      el('verify-problem-heading').textContent = DSR.t('verify.problem.' + s.problem + '.heading');
      el('verify-problem-text').textContent = DSR.t('verify.problem.' + s.problem + '.text', s.params);
      el('verify-problem-action').hidden = s.problem !== 'requestExpired';
      DSR.reveal(el('verify-problem'), focus && !s.codeError);
      // A used link: the request is verified; what the person may be missing is the status link
      statusLink.show(s.problem === 'alreadyVerified');
    }
    if (s.view === 'code') {
      el('code-form').hidden = false;
      if (s.codeError) {
        DSR.showFieldError('code', DSR.t(s.codeError, s.params));
        if (focus) {
          el('code').focus();
        }
      }
    }
    if (s.resend) {
      el('resend').hidden = false;
      el('resend-result').textContent = s.resent ? DSR.t(s.resent, s.params) : '';
    }
  }

  function show(next, focus) {
    state = next;
    draw(focus);
  }

  /** What the API's answer means for the person, by its problem type. */
  function outcome(result, byCode) {
    if (result.status === 200 && result.body) {
      show({ view: 'done', reference: result.body.reference }, true);
      return;
    }
    var kind = DSR.problemKind(result);
    var body = result.body || {};
    if (result.status === 409 && kind === 'already-verified') {
      show({ view: 'problem', problem: 'alreadyVerified' }, true);
    } else if (kind === 'request-expired') {
      show({ view: 'problem', problem: 'requestExpired' }, true);
    } else if (kind === 'verification-expired') {
      show({ view: byCode ? 'code' : 'problem', problem: byCode ? 'codeExpired' : 'linkExpired', resend: true }, true);
    } else if (kind === 'verification-locked') {
      show({ view: 'problem', problem: 'locked', resend: true }, true);
    } else if (kind === 'verification-failed') {
      var left = typeof body.attemptsLeft === 'number' ? body.attemptsLeft : 0;
      if (byCode) {
        show({ view: 'code', codeError: 'verify.error.codeWrong', params: { left: left }, resend: true }, true);
      } else {
        show({ view: 'code', problem: 'linkWrong', params: { left: left }, resend: true }, true);
      }
    } else if (result.status === 400 && byCode) {
      show({ view: 'code', codeError: 'verify.error.codeFormat', resend: true }, true);
    } else if (result.status === 404 || result.status === 400) {
      show({ view: 'problem', problem: 'notFound' }, true);
    } else {
      show({ view: byCode ? 'code' : 'problem', problem: 'general', result: result, resend: true }, true);
    }
  }

  function verifyWithToken(token) {
    show({ view: 'checking' });
    // The token works once: it leaves the address bar, the request id stays for the code and a new e-mail.
    history.replaceState(null, '', window.location.pathname + window.location.search + '#request=' + requestId);
    DSR.api('POST', '/api/v1/requests/' + requestId + '/verification', { token: token }).then(function (result) {
      outcome(result, false);
    });
  }

  function verifyWithCode(event) {
    event.preventDefault();
    var code = el('code').value.replace(/\s+/g, '');
    if (!/^[0-9]{6}$/.test(code)) {
      show({ view: 'code', codeError: 'verify.error.codeFormat', resend: true }, true);
      return;
    }
    DSR.api('POST', '/api/v1/requests/' + requestId + '/verification', { code: code }).then(function (result) {
      outcome(result, true);
    });
  }

  function resend() {
    var button = el('resend-button');
    button.disabled = true;
    DSR.api('POST', '/api/v1/requests/' + requestId + '/verification/resend').then(function (result) {
      button.disabled = false;
      if (result.status === 202) {
        show({ view: 'code', resend: true, resent: 'verify.resent' }, false);
        el('resend-result').focus();
        return;
      }
      var kind = DSR.problemKind(result);
      if (kind === 'resend-limit') {
        show(Object.assign({}, state, { resend: true, resent: 'verify.resendLimit',
          params: { minutes: DSR.minutes(result.retryAfter) } }), false);
      } else if (kind === 'already-verified' || kind === 'request-expired' || result.status === 404) {
        outcome(result, false);
      } else {
        show(Object.assign({}, state, { resend: true, resent: 'verify.resendFailed', result: result }), false);
      }
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    el('resend-result').setAttribute('tabindex', '-1');
    statusLink = DSR.statusLink(function () { return requestId; });
    el('code-form').addEventListener('submit', verifyWithCode);
    el('resend-button').addEventListener('click', resend);
    DSR.onLanguage(function () { draw(false); });
    // A newer link opened in the same tab changes only the fragment: start again with it.
    window.addEventListener('hashchange', start);
    start();
  });

  function start() {
    var fragment = DSR.fragment();
    requestId = fragment.request;
    if (!requestId) {
      show({ view: 'missing' });
    } else if (fragment.token) {
      verifyWithToken(fragment.token);
    } else {
      show({ view: 'code', resend: true });
      el('code').focus();
    }
  }
}());
