/*
 * The status page, opened from the link in the acknowledgement e-mail: the
 * request's status, due date and timeline; the answer to an officer's
 * question; the access package when it is ready.
 */
(function () {
  'use strict';
  var DSR = window.DSR;
  var requestId = null, token = null, view = null, problem = null, packageMessage = null, statusLink = null;

  function el(id) {
    return document.getElementById(id);
  }

  function headers() {
    return { 'X-Request-Token': token };
  }

  function drawProblem(focus) {
    el('status-view').hidden = true;
    el('status-progress').hidden = true;
    el('status-problem-text').textContent = DSR.t(problem.key,
      problem.result ? { message: DSR.generalProblem(problem.result) } : {});
    DSR.reveal(el('status-problem'), focus);
    // An old or partial link: a new one can be sent to the request's own address
    statusLink.show((problem.key === 'status.notFound' || problem.key === 'status.missingLink') && !!requestId);
  }

  function latestQuestion() {
    var questions = view.timeline.filter(function (event) { return event.kind === 'QUESTION'; });
    return questions.length ? questions[questions.length - 1].text : '';
  }

  function timelineText(event) {
    var text = DSR.t('timeline.' + event.kind);
    if (event.kind === 'STATUS_CHANGED' && event.status) {
      text = DSR.t('timeline.STATUS_CHANGED', { status: DSR.t('status.value.' + event.status) });
    }
    return text;
  }

  function draw() {
    if (problem) {
      drawProblem(false);
      return;
    }
    if (!view) {
      return;
    }
    el('status-progress').hidden = true;
    el('status-problem').hidden = true;
    statusLink.show(false);
    el('s-reference').textContent = view.reference;
    el('s-type').textContent = DSR.t('type.' + view.type + '.label');
    el('s-status').textContent = DSR.t('status.value.' + view.status);
    el('s-status-text').textContent = DSR.t('status.explain.' + view.status);
    el('s-received').textContent = DSR.formatTime(view.receivedAt);
    el('s-due').textContent = view.dueAt ? DSR.formatTime(view.dueAt) : DSR.t('status.dueUnknown');
    el('s-closed-row').hidden = !view.closedAt;
    el('s-closed').textContent = DSR.formatTime(view.closedAt);
    var awaiting = view.status === 'AWAITING_SUBJECT';
    el('question').hidden = !awaiting;
    if (awaiting) {
      el('question-text').textContent = latestQuestion();
    }
    el('package').hidden = !(view.type === 'ACCESS' && view.status === 'COMPLETED');
    el('package-result').textContent = packageMessage ? DSR.t(packageMessage.key, packageMessage.params) : '';
    var list = el('timeline');
    list.textContent = '';
    view.timeline.slice().reverse().forEach(function (event) {
      var item = document.createElement('li');
      var time = document.createElement('time');
      time.dateTime = event.at;
      time.textContent = DSR.formatTime(event.at);
      var what = document.createElement('span');
      what.className = 'what';
      what.textContent = timelineText(event);
      item.appendChild(time);
      item.appendChild(what);
      if (event.text) {
        var quote = document.createElement('blockquote');
        quote.textContent = event.text;
        item.appendChild(quote);
      }
      list.appendChild(item);
    });
    el('status-view').hidden = false;
  }

  function load() {
    el('status-progress').hidden = false;
    return DSR.api('GET', '/api/v1/requests/' + requestId, undefined, headers()).then(function (result) {
      el('status-progress').hidden = true;
      if (result.status === 200 && result.body) {
        view = result.body;
        problem = null;
        draw();
      } else {
        problem = result.status === 404 ? { key: 'status.notFound' }
          : { key: 'status.loadFailed', result: result };
        drawProblem(true);
      }
    });
  }

  function answer(event) {
    event.preventDefault();
    DSR.clearFieldErrors(el('answer-form'));
    var text = el('answer').value.trim();
    if (!text) {
      DSR.showFieldError('answer', DSR.t('status.answerRequired'));
      el('answer').focus();
      return;
    }
    var button = el('answer-form').querySelector('button');
    button.disabled = true;
    DSR.api('POST', '/api/v1/requests/' + requestId + '/messages', { text: text }, headers()).then(function (result) {
      button.disabled = false;
      if (result.status === 202) {
        el('answer').value = '';
        load().then(function () {
          DSR.reveal(el('answer-sent'), true);
        });
        return;
      }
      var message;
      if (result.status === 409) {
        message = DSR.t('status.answerNoQuestion');
      } else if (result.status === 400) {
        message = DSR.t('status.answerInvalid');
      } else {
        message = DSR.generalProblem(result);
      }
      DSR.showFieldError('answer', message);
      el('answer').focus();
    });
  }

  /** Fetches the package with the request's token (never put in a URL) and hands it to the browser as a file. */
  function download(format) {
    packageMessage = { key: 'status.downloading' };
    draw();
    var path = '/api/v1/requests/' + requestId + '/package?format=' + format + '&lang=' + DSR.lang;
    fetch(path, { headers: Object.assign({ Accept: format === 'json' ? 'application/json' : 'text/html' }, headers()),
      credentials: 'omit', cache: 'no-store' }).then(function (response) {
      if (response.status === 200) {
        return response.blob().then(function (blob) {
          var link = document.createElement('a');
          link.href = URL.createObjectURL(blob);
          link.download = view.reference + '-personal-data.' + format;
          document.body.appendChild(link);
          link.click();
          link.remove();
          setTimeout(function () { URL.revokeObjectURL(link.href); }, 60000);
          packageMessage = { key: 'status.downloaded' };
          draw();
        });
      }
      packageMessage = response.status === 410 ? { key: 'status.packageExpired' }
        : response.status === 404 ? { key: 'status.packageMissing' }
          : { key: 'status.packageFailed' };
      draw();
      return null;
    }, function () {
      packageMessage = { key: 'status.packageFailed' };
      draw();
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    statusLink = DSR.statusLink(function () { return requestId; });
    el('answer-form').addEventListener('submit', answer);
    el('refresh').addEventListener('click', function () { load(); });
    el('download-html').addEventListener('click', function () { download('html'); });
    el('download-json').addEventListener('click', function () { download('json'); });
    DSR.onLanguage(draw);
    window.addEventListener('hashchange', start);
    start();
  });

  function start() {
    var fragment = DSR.fragment();
    requestId = fragment.request;
    token = fragment.token;
    view = null;
    packageMessage = null;
    if (!requestId || !token) {
      problem = { key: 'status.missingLink' };
      drawProblem(false);
      return;
    }
    load();
  }
}());
