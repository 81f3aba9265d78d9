"""The cache on Redis, made to fail soft: with Redis down, a page still works.

The cache only holds what can be rebuilt (rate-limit counters, one-time form claims), so when
Redis cannot be reached a read is a miss, a write is dropped and `add` answers as if it took
the key, each logged once per call. People's saved actions never turn into error pages
because of it (the hardening issue: Redis stopped). /healthz reports Redis as down meanwhile.
"""

import logging

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

REDIS_DOWN = (RedisConnectionError, RedisTimeoutError)


def _soft(default):
    def wrap(method):
        def call(self, *args, **kwargs):
            try:
                return method(self, *args, **kwargs)
            except REDIS_DOWN as error:
                logger.warning(
                    "Cache %s skipped: Redis is unreachable (%s)", method.__name__, error
                )
                return default() if callable(default) else default

        call.__name__ = method.__name__
        call.__doc__ = method.__doc__
        return call

    return wrap


class ResilientRedisCache(RedisCache):
    """Django's Redis cache, except that Redis being unreachable is never an error."""

    add = _soft(True)(RedisCache.add)
    set = _soft(None)(RedisCache.set)
    touch = _soft(False)(RedisCache.touch)
    delete = _soft(False)(RedisCache.delete)
    get_many = _soft(dict)(RedisCache.get_many)
    has_key = _soft(False)(RedisCache.has_key)
    set_many = _soft(list)(RedisCache.set_many)
    delete_many = _soft(None)(RedisCache.delete_many)
    clear = _soft(False)(RedisCache.clear)

    def get(self, key, default=None, version=None):
        try:
            return super().get(key, default, version)
        except REDIS_DOWN as error:
            logger.warning("Cache get skipped: Redis is unreachable (%s)", error)
            return default

    def incr(self, key, delta=1, version=None):
        try:
            return super().incr(key, delta, version)
        except REDIS_DOWN as error:
            logger.warning("Cache incr skipped: Redis is unreachable (%s)", error)
            return delta
