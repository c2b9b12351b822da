/*
 * Shared by the subject pages: language, texts, calls to the public API,
 * field errors. No framework, no build step, nothing from other sites.
 */
(function () {
  'use strict';
  var LANGUAGES = ['ru', 'kk', 'en'];
  var root = document.documentElement;
  var listeners = [];

  function initialLanguage() {
    var asked = new URLSearchParams(window.location.search).get('lang');
    if (LANGUAGES.indexOf(asked) >= 0) {
      return asked;
    }
    var preferred = navigator.languages || [navigator.language || ''];
    for (var i = 0; i < preferred.length; i++) {
      var tag = String(preferred[i]).toLowerCase().split('-')[0];
      if (LANGUAGES.indexOf(tag) >= 0) {
        return tag;
      }
    }
    return root.lang || 'ru';
  }

  var DSR = window.DSR = window.DSR || {};
  DSR.i18n = DSR.i18n || {};
  DSR.lang = initialLanguage();

  /** The text of {@code key} in the current language, with {name} placeholders filled. */
  DSR.t = function (key, params) {
    var words = DSR.i18n[DSR.lang] || {};
    var text = words[key];
    if (text === undefined) {
      text = (DSR.i18n.en || {})[key];
    }
    if (text === undefined) {
      return key;
    }
    var values = Object.assign({ operator: root.dataset.operator, contact: root.dataset.contact }, params || {});
    return text.replace(/\{(\w+)\}/g, function (whole, name) {
      return values[name] === undefined ? whole : String(values[name]);
    });
  };

  /** Fills every element marked data-i18n with its text. */
  DSR.applyTexts = function () {
    root.lang = DSR.lang;
    document.querySelectorAll('[data-i18n]').forEach(function (el) {
      el.textContent = DSR.t(el.dataset.i18n);
    });
    document.querySelectorAll('a[data-lang]').forEach(function (link) {
      var current = link.dataset.lang === DSR.lang;
      if (current) {
        link.setAttribute('aria-current', 'true');
      } else {
        link.removeAttribute('aria-current');
      }
    });
    document.querySelectorAll('a[data-keep-lang]').forEach(function (link) {
      var url = new URL(link.getAttribute('href'), window.location.href);
      url.searchParams.set('lang', DSR.lang);
      link.setAttribute('href', url.pathname + url.search + url.hash);
    });
  };

  /** Runs {@code fn} now and whenever the language changes (to redraw what a script wrote). */
  DSR.onLanguage = function (fn) {
    listeners.push(fn);
  };

  DSR.setLanguage = function (lang) {
    if (LANGUAGES.indexOf(lang) < 0) {
      return;
    }
    DSR.lang = lang;
    var url = new URL(window.location.href);
    url.searchParams.set('lang', lang);
    // The fragment (request and token from the e-mail) stays; it is never sent to a server.
    history.replaceState(null, '', url.pathname + url.search + url.hash);
    DSR.applyTexts();
    listeners.forEach(function (fn) { fn(); });
  };

  /** A link to another subject page in the current language. */
  DSR.pageUrl = function (path, hash) {
    return path + '?lang=' + DSR.lang + (hash ? '#' + hash : '');
  };

  /** request and token from the fragment of an e-mailed link. */
  DSR.fragment = function () {
    var params = new URLSearchParams(window.location.hash.replace(/^#/, ''));
    var id = params.get('request');
    return {
      request: id && /^[0-9a-f-]{36}$/i.test(id) ? id.toLowerCase() : null,
      token: params.get('token')
    };
  };

  /**
   * Calls the public API. Resolves with {status, body, retryAfter}; a network
   * failure resolves with status 0, so that callers show one message for it.
   */
  DSR.api = function (method, path, body, headers) {
    var init = { method: method, headers: Object.assign({ Accept: 'application/json' }, headers || {}),
      credentials: 'omit', cache: 'no-store' };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(path, init).then(function (response) {
      return response.text().then(function (text) {
        var parsed = null;
        try { parsed = text ? JSON.parse(text) : null; } catch (e) { parsed = null; }
        return { status: response.status, body: parsed, retryAfter: response.headers.get('Retry-After') };
      });
    }, function () {
      return { status: 0, body: null, retryAfter: null };
    });
  };

  /** The last part of a problem's type URI, e.g. "verification-expired". */
  DSR.problemKind = function (result) {
    var type = result.body && result.body.type ? String(result.body.type) : '';
    return type.substring(type.lastIndexOf('/') + 1);
  };

  /** Minutes to wait, from Retry-After, at least 1. */
  DSR.minutes = function (retryAfter) {
    var seconds = parseInt(retryAfter, 10);
    return isNaN(seconds) ? 1 : Math.max(1, Math.ceil(seconds / 60));
  };

  /** A message for answers that are not about a field: limits, outages, lost connection. */
  DSR.generalProblem = function (result) {
    if (result.status === 0) {
      return DSR.t('problem.network');
    }
    if (result.status === 429) {
      return DSR.t('problem.tooMany', { minutes: DSR.minutes(result.retryAfter) });
    }
    if (result.status === 413) {
      return DSR.t('problem.tooLarge');
    }
    if (result.status >= 400 && result.status < 500) {
      return DSR.t('problem.invalid');
    }
    if (result.status === 503) {
      return DSR.t('problem.unavailable');
    }
    return DSR.t('problem.server');
  };

  // Browsers' date data often lacks Kazakh: its month names are the page's own.
  var KK_MONTHS = ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан',
    'қараша', 'желтоқсан'];

  /** A time in the operator's time zone (where the deadlines run), in the page's language. */
  DSR.formatTime = function (iso) {
    if (!iso) {
      return '';
    }
    var zone = root.dataset.timeZone || undefined;
    var date = new Date(iso);
    try {
      if (DSR.lang === 'kk') {
        var parts = {};
        new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit',
          minute: '2-digit', hourCycle: 'h23', timeZone: zone }).formatToParts(date).forEach(function (part) {
          parts[part.type] = part.value;
        });
        return parts.year + ' ж. ' + parseInt(parts.day, 10) + ' ' + KK_MONTHS[parseInt(parts.month, 10) - 1]
          + ', ' + parts.hour + ':' + parts.minute;
      }
      return new Intl.DateTimeFormat(DSR.lang, { dateStyle: 'long', timeStyle: 'short', timeZone: zone }).format(date);
    } catch (e) {
      return date.toISOString();
    }
  };

  /** Shows {@code message} under the field or group with id {@code id} and marks it invalid. */
  DSR.showFieldError = function (id, message) {
    var slot = document.getElementById(id + '-error');
    var target = document.getElementById(id);
    if (slot) {
      slot.textContent = message;
      slot.hidden = false;
    }
    if (target) {
      target.setAttribute('aria-invalid', 'true');
      target.closest('.field, .group, .subgroup').classList.add('has-error');
    }
  };

  DSR.clearFieldErrors = function (scope) {
    (scope || document).querySelectorAll('.field-error').forEach(function (slot) {
      slot.textContent = '';
      slot.hidden = true;
    });
    (scope || document).querySelectorAll('[aria-invalid]').forEach(function (el) {
      el.removeAttribute('aria-invalid');
    });
    (scope || document).querySelectorAll('.has-error').forEach(function (el) {
      el.classList.remove('has-error');
    });
  };

  /** Shows one element of a page's alternatives and moves the focus to it, for screen readers and keyboards. */
  DSR.reveal = function (el, focus) {
    el.hidden = false;
    if (focus) {
      if (!el.hasAttribute('tabindex')) {
        el.setAttribute('tabindex', '-1');
      }
      el.focus();
    }
  };

  /**
   * The "send me the status link again" section of the verify and status pages:
   * {@code requestId()} says for which request; {@code show} shows or hides it.
   */
  DSR.statusLink = function (requestId) {
    var section = document.getElementById('status-link');
    var button = document.getElementById('status-link-button');
    var result = document.getElementById('status-link-result');
    var outcome = null;
    function draw() {
      if (!outcome) {
        result.textContent = '';
      } else if (outcome.status === 202) {
        result.textContent = DSR.t('link.sent');
      } else if (outcome.status === 429 || outcome.status === 0 || outcome.status >= 500) {
        result.textContent = DSR.generalProblem(outcome);
      } else {
        result.textContent = DSR.t('link.failed');
      }
    }
    button.addEventListener('click', function () {
      button.disabled = true;
      DSR.api('POST', '/api/v1/requests/' + requestId() + '/status-link').then(function (answer) {
        button.disabled = false;
        outcome = answer;
        draw();
        result.focus();
      });
    });
    DSR.onLanguage(draw);
    return {
      show: function (shown) {
        section.hidden = !shown;
        if (!shown) {
          outcome = null;
          draw();
        }
      }
    };
  };

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('a[data-lang]').forEach(function (link) {
      link.addEventListener('click', function (event) {
        event.preventDefault();
        DSR.setLanguage(link.dataset.lang);
      });
    });
    DSR.applyTexts();
  });
}());
